package com.appgain.common.api.observability;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import com.appgain.common.api.web.RequestIdFilter;

/**
 * Copies the request id from the Reactor context into the MDC where Reactor restores
 * thread locals: in {@code handle} and {@code tap} operators (context propagation is
 * {@code limited}: restoring them around every operator cost a quarter of a service's
 * CPU). Log a request's line there, and its line carries {@code request_id}; the error
 * handler's line for a failed request always does.
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
