package com.appgain.common.api.error;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import com.appgain.common.api.web.RequestIdFilter;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Renders every failure of a request as the error envelope, ahead of Spring Boot's own
 * error handler. A 5xx is logged with its stack trace and sent to the
 * {@link ServerErrorReporter}; nothing of it reaches the client.
 */
public class ApiErrorWebExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Log logger = LogFactory.getLog(ApiErrorWebExceptionHandler.class);

	private final ErrorResponseWriter writer;

	private final ServerErrorReporter reporter;

	public ApiErrorWebExceptionHandler(ErrorResponseWriter writer, ServerErrorReporter reporter) {
		this.writer = writer;
		this.reporter = reporter;
	}

	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// the client went away (e.g. closed its connection mid-response): nobody to
			// answer, nothing to report
			logger.debug("Client gone during " + exchange.getRequest().getPath() + ": " + ex);
			return exchange.getResponse().isCommitted() ? Mono.empty()
					: this.writer.write(exchange, ErrorMapper.toApiException(ex));
		}
		ApiException api = ErrorMapper.toApiException(ex);
		// once the status line is out, nothing can be written any more
		boolean committed = exchange.getResponse().isCommitted();
		if (committed || api.type().status().is5xxServerError()) {
			String requestId = RequestIdFilter.of(exchange);
			// the id in the text too, for plain-text logs
			try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.CONTEXT_KEY, requestId)) {
				logger.error("Request " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
						+ (committed ? " failed after its response was committed" : " failed") + " [request_id="
						+ requestId + "]", ex);
			}
			this.reporter.report(ex);
		}
		if (committed) {
			return Mono.empty();
		}
		if (ex instanceof MethodNotAllowedException notAllowed) {
			exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
		}
		exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
		return this.writer.write(exchange, api);
	}

}
