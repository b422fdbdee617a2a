package com.appgain.gateway.routing;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.appgain.common.test.RawRequests;
import com.appgain.gateway.GatewayTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chunked body that breaks after a valid chunk: the client gets a 400 and the service
 * never gets a body that ends, so it cannot act on the part that came through; nor is
 * that counted or logged as the service's failure.
 */
class MalformedBodyTests extends GatewayTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void aBodyBrokenAfterAValidChunkIsBadRequestAndTheServiceNeverGetsItWhole() throws IOException {
		String marker = "broken-" + UUID.randomUUID();
		String body = "{\"email\":\"" + marker + "\"}";
		String request = "POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
				+ "\r\nzz\r\n";
		Logger errors = (Logger) LoggerFactory.getLogger("com.appgain");
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		errors.addAppender(lines);
		try {
			String response = RawRequests.sendUntilClosed(this.port, request);
			assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"error\":\"bad_request\"");
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.until(() -> !upstream.receivedBodyWith(marker));
		}
		finally {
			errors.detachAppender(lines);
		}
		assertThat(lines.list).noneMatch((line) -> line.getLevel().isGreaterOrEqual(Level.ERROR));
	}

}
