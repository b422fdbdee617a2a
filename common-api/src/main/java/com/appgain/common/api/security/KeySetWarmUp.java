package com.appgain.common.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Downloads the issuer's key set once the service is ready, instead of on the first
 * request with a token: a service that has not checked a token yet when users-service
 * becomes unreachable would otherwise answer every token with a 503 until it is back,
 * although the keys were there to be had. The decoder keeps the key set it downloaded
 * (and downloads it again only for a token naming a key it does not know).
 * <p>
 * It asks the decoder to check a token that names a key nobody has: that makes it
 * download the set, then refuse the token. While the set cannot be downloaded, it tries
 * again every {@link #RETRY_EVERY}.
 */
public class KeySetWarmUp implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	static final Duration RETRY_EVERY = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(KeySetWarmUp.class);

	private final ReactiveJwtDecoder decoder;

	private final String token;

	private volatile Disposable attempts;

	public KeySetWarmUp(ReactiveJwtDecoder decoder, String algorithm) {
		this.decoder = decoder;
		this.token = tokenNamingNoKnownKey(algorithm);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.attempts = Flux.interval(Duration.ZERO, RETRY_EVERY)
			.onBackpressureDrop()
			.concatMap((attempt) -> downloaded())
			.takeUntil(Boolean::booleanValue)
			.subscribe((done) -> {
				if (done) {
					logger.info("Token signing keys downloaded");
				}
			});
	}

	/** True once the decoder got the key set (and refused the token with it). */
	Mono<Boolean> downloaded() {
		return this.decoder.decode(this.token)
			.map((jwt) -> true)
			.onErrorResume((ex) -> Mono.just(!isKeysUnavailable(ex)));
	}

	private static boolean isKeysUnavailable(Throwable ex) {
		return ex instanceof ApiException api && api.type() == ErrorType.SERVICE_UNAVAILABLE;
	}

	private static String tokenNamingNoKnownKey(String algorithm) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = "{\"alg\":\"" + algorithm + "\",\"kid\":\"appgain-key-set-warm-up\"}";
		return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString("none".getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void destroy() {
		Disposable running = this.attempts;
		if (running != null) {
			running.dispose();
		}
	}

}
