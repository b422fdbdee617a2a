package com.appgain.fault;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests at a fixed rate whatever the answers take (an open model: a slow answer does
 * not slow the load down), each outcome kept with the second it was sent in. The first
 * time a request has waited {@value #STUCK_SECONDS} s, a diagnosis is taken (the
 * gateway's threads at that moment) and kept for the report.
 */
final class SteadyLoad {

	static final int STUCK_SECONDS = 8;

	private final String name;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

	private final List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());

	// each unanswered request -> when it was sent
	private final Map<CompletableFuture<?>, Long> sentAt = new ConcurrentHashMap<>();

	private final long startNanos = System.nanoTime();

	private final Supplier<String> diagnose;

	private volatile CompletableFuture<String> diagnosis;

	private SteadyLoad(String name, Supplier<String> diagnose) {
		this.name = name;
		this.diagnose = diagnose;
	}

	/**
	 * Start sending.
	 * @param name what the load is, for the report
	 * @param perSecond the rate
	 * @param requests makes each request (with its own timeout)
	 * @param diagnose what to record the first time a request is stuck
	 * @return the running load
	 */
	static SteadyLoad start(String name, int perSecond, Supplier<HttpRequest> requests, Supplier<String> diagnose) {
		SteadyLoad load = new SteadyLoad(name, diagnose);
		load.clock.scheduleAtFixedRate(() -> load.send(requests.get()), 0, 1_000_000 / perSecond,
				TimeUnit.MICROSECONDS);
		load.clock.scheduleAtFixedRate(load::diagnoseWhenStuck, 1, 1, TimeUnit.SECONDS);
		return load;
	}

	/** Seconds since the load started. */
	double elapsed() {
		return (System.nanoTime() - this.startNanos) / 1e9;
	}

	private void send(HttpRequest request) {
		long sent = System.nanoTime();
		CompletableFuture<?> call = this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.handle((response, failure) -> {
				long done = System.nanoTime();
				this.outcomes.add(new Outcome((sent - this.startNanos) / 1e9, (done - sent) / 1_000_000,
						(response != null) ? response.statusCode() : -1,
						(response != null) ? response.body() : String.valueOf(failure)));
				return null;
			});
		this.sentAt.put(call, sent);
		call.whenComplete((ignored, failure) -> this.sentAt.remove(call));
		this.inFlight.add(call);
	}

	// once, off the clock's thread: a diagnosis may take a few seconds
	private void diagnoseWhenStuck() {
		long stuckSince = System.nanoTime() - TimeUnit.SECONDS.toNanos(STUCK_SECONDS);
		if (this.diagnosis == null && this.sentAt.values().stream().anyMatch((sent) -> sent - stuckSince < 0)) {
			this.diagnosis = CompletableFuture.supplyAsync(this.diagnose, (task) -> new Thread(task).start());
		}
	}

	/**
	 * Stop sending, wait for the answers still due (bounded by the requests' timeouts),
	 * print one line per second and return the outcomes.
	 * @return what happened
	 */
	Report stop() throws InterruptedException {
		this.clock.shutdownNow();
		this.clock.awaitTermination(5, TimeUnit.SECONDS);
		List<CompletableFuture<?>> pending;
		synchronized (this.inFlight) {
			pending = new ArrayList<>(this.inFlight);
		}
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// the outcomes of what did not finish are missing, and counted as failures
			// below
		}
		String diagnosed = "";
		if (this.diagnosis != null) {
			try {
				diagnosed = this.diagnosis.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				diagnosed = "no diagnosis: " + ex;
			}
		}
		Report report;
		synchronized (this.outcomes) {
			report = new Report(this.name, new ArrayList<>(this.outcomes), pending.size(), diagnosed);
		}
		report.print();
		return report;
	}

	/**
	 * One request.
	 *
	 * @param second when it was sent, in seconds since the load started
	 * @param millis how long its answer took
	 * @param status the HTTP status, -1 when none came
	 * @param body the answer, or the exception
	 */
	record Outcome(double second, long millis, int status, String body) {

		boolean succeeded() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
