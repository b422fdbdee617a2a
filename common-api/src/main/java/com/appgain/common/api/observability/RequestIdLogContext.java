package com.appgain.common.api.observability;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import com.appgain.common.api.web.RequestIdFilter;

/**
 * Copies the request id from the Reactor context into the MDC wherever the request's work
 * runs, so every log line of a request carries {@code request_id}.
 */
public final class RequestIdLogContext {

	private static volatile boolean registered;

	private RequestIdLogContext() {
	}

	public static synchronized void register() {
		if (!registered) {
			ContextRegistry.getInstance()
				.registerThreadLocalAccessor(RequestIdFilter.CONTEXT_KEY, () -> MDC.get(RequestIdFilter.CONTEXT_KEY),
						(value) -> MDC.put(RequestIdFilter.CONTEXT_KEY, value),
						() -> MDC.remove(RequestIdFilter.CONTEXT_KEY));
			registered = true;
		}
	}

}
