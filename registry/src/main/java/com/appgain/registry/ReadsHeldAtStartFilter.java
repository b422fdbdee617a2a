package com.appgain.registry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A registry starts empty, whether it is the only one or every peer restarted: instances
 * register again at their next heartbeat (404, then a register). A client that fetched
 * the applications before that would replace its copy with the empty list and route
 * nowhere until its next fetch. Answered 503, it tries the next peer and keeps its copy
 * when none answers 200 (Eureka's {@code DiscoveryClient}). So reads of the registry's
 * contents answer 503 until {@code appgain.registry.serve-reads-after} has passed since
 * the start; registrations, heartbeats, cancels and peer replication are never held back.
 */
final class ReadsHeldAtStartFilter extends OncePerRequestFilter implements ApplicationListener<ApplicationReadyEvent> {

	// every application, the delta, one application or instance, a (secure) VIP address;
	// Eureka's own filter adds the /v2 after this one
	private static final Pattern READS = Pattern.compile("/eureka/(v2/)?(apps(/.*)?|vips/.+|svips/.+|instances/.+)");

	private final Duration window;

	private final ObjectProvider<PeerAwareInstanceRegistry> registry;

	private volatile boolean open;

	ReadsHeldAtStartFilter(Duration window, ObjectProvider<PeerAwareInstanceRegistry> registry) {
		this.window = window.isNegative() ? Duration.ZERO : window;
		this.registry = registry;
	}

	// from the moment instances can reach it: the web server is up by then
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.window.isZero()) {
			open();
		}
		else {
			CompletableFuture.delayedExecutor(this.window.toMillis(), TimeUnit.MILLISECONDS).execute(this::open);
		}
	}

	private void open() {
		this.open = true;
		int instances = this.registry.getObject()
			.getApplications()
			.getRegisteredApplications()
			.stream()
			.mapToInt((application) -> application.getInstances().size())
			.sum();
		this.logger.info("Serving reads of the registry from now, " + this.window.toMillis()
				+ " ms after the start, with " + instances + " instances registered");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.open || !HttpMethod.GET.matches(request.getMethod())
				|| !READS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	// No body: Spring Cloud's Eureka client would read any body as the applications
	// and fail on it instead of seeing the 503. Its HTTP client (Apache HttpClient 5)
	// asks once more after 1 s, then the client moves on to the next peer.
	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentLength(0);
	}

}
