package com.appgain.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen loopback source address (127.0.0.2, 127.0.0.3...), so that the
 * gateway sees distinct clients by their real TCP peer, as it would on a network. The JDK
 * client cannot bind its source address on Java 17.
 */
final class SourceAddressClient {

	private final String sourceAddress;

	private final int port;

	SourceAddressClient(String sourceAddress, int port) {
		this.sourceAddress = sourceAddress;
		this.port = port;
	}

	/** Sends a JSON POST and answers the status code. */
	int postJson(String path, String body, Map<String, String> headers) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder("POST ").append(path)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1:")
			.append(this.port)
			.append("\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ")
			.append(content.length)
			.append("\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(15_000);
			socket.bind(new InetSocketAddress(this.sourceAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(content);
			out.flush();
			return statusOf(socket.getInputStream());
		}
	}

	private static int statusOf(InputStream in) throws IOException {
		String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		if (!response.startsWith("HTTP/1.1 ")) {
			throw new IOException("Not an HTTP response: " + response);
		}
		return Integer.parseInt(response.substring(9, 12));
	}

}
