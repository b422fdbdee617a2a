package com.appgain.common.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.ApiTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keep-alive connection whose request had to wait for the one before it to finish (sent
 * before that one's answer, or right after it, before the server had wound it up) is
 * still read afterwards. Reactor Netty 1.3.6 stopped reading such a connection, so the
 * client's next request went unanswered until it gave up (reactor-netty#4347, #4361):
 * this test hangs there and fails on its read timeout.
 */
class KeepAliveConnectionTests extends ApiTestSupport {

	private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *(\\d+)\r\n");

	@LocalServerPort
	private int port;

	@Test
	void aConnectionIsStillReadAfterARequestQueuedBehindASlowerOne() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write((request("/api/items/public/later") + request("/api/items/public"))
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("\"status\":\"success\"");
			assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("\"items\":[]");
			out.write(request("/api/items/public").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("\"items\":[]");
		}
	}

	private static String request(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	// one response with a Content-Length, read to its last byte and no further
	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int next = in.read();
			assertThat(next).as("the connection ended within a response's head").isNotNegative();
			head.write(next);
		}
		String text = head.toString(StandardCharsets.US_ASCII);
		Matcher length = CONTENT_LENGTH.matcher(text.toLowerCase(Locale.ROOT));
		assertThat(length.find()).as("a Content-Length in %s", text).isTrue();
		byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
		return text + new String(body, StandardCharsets.UTF_8);
	}

}
