package com.appgain.common.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests written as raw bytes, for framing no HTTP client would send. */
public final class RawRequests {

	private RawRequests() {
	}

	/**
	 * Sends {@code request} to 127.0.0.1:{@code port} and reads until the server closes
	 * the connection (5 s at most between reads).
	 */
	public static String sendUntilClosed(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
