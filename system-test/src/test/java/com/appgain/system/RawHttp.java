package com.appgain.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 on a bare socket, for framing no well-behaved client sends: the request goes
 * out byte for byte, and every response on the connection is read back until the server
 * closes it or stays silent.
 */
final class RawHttp {

	private RawHttp() {
	}

	record Response(int status, String head, String body) {

		String header(String name) {
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

	}

	/**
	 * What came back on one connection, how long the first byte took, and how the reading
	 * ended: {@code closed} by the server, {@code quiet} or a socket error.
	 */
	record Exchange(List<Response> responses, long firstByteMillis, String ending) {
	}

	/**
	 * Sends the bytes, then reads responses until the server closes, or sends nothing for
	 * {@code firstByteTimeout} ms, or stays quiet for a second after its first byte. A
	 * large body goes out in pieces and stops as soon as the server answers, as a server
	 * may refuse it before reading it.
	 */
	static Exchange exchange(int port, byte[] request, int firstByteTimeout) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(firstByteTimeout);
			InputStream in = socket.getInputStream();
			write(socket, in, request);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Read read = readUntilQuiet(socket, out, start);
			return new Exchange(parse(out.toByteArray()), read.firstByteMillis(), read.ending());
		}
	}

	private static void write(Socket socket, InputStream in, byte[] request) {
		try {
			for (int at = 0; at < request.length && in.available() == 0; at += 16_384) {
				socket.getOutputStream().write(request, at, Math.min(16_384, request.length - at));
			}
			socket.getOutputStream().flush();
		}
		catch (IOException ex) {
			// refused while sending: the answer, if any, is still to be read
		}
	}

	private record Read(long firstByteMillis, String ending) {
	}

	private static Read readUntilQuiet(Socket socket, ByteArrayOutputStream out, long start) {
		long firstByte = -1;
		byte[] buffer = new byte[8192];
		try {
			InputStream in = socket.getInputStream();
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				if (firstByte < 0) {
					firstByte = (System.nanoTime() - start) / 1_000_000;
					socket.setSoTimeout(1000);
				}
				out.write(buffer, 0, read);
			}
			return new Read(firstByte, "closed");
		}
		catch (SocketTimeoutException ex) {
			// the server keeps the connection
			return new Read(firstByte, "quiet");
		}
		catch (IOException ex) {
			// reset, after the answer or instead of one
			return new Read(firstByte, ex.toString());
		}
	}

	static List<Response> parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		List<Response> responses = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int headEnd = text.indexOf("\r\n\r\n", at);
			if (!text.startsWith("HTTP/1.", at) || headEnd < 0) {
				throw new IllegalStateException("Not an HTTP response at byte " + at + ": "
						+ text.substring(at, Math.min(text.length(), at + 200)));
			}
			String head = text.substring(at, headEnd);
			int status = Integer.parseInt(head.substring(9, 12));
			Response partial = new Response(status, head, "");
			String length = partial.header("Content-Length");
			int bodyStart = headEnd + 4;
			int bodyEnd;
			if (length != null) {
				bodyEnd = bodyStart + Integer.parseInt(length);
			}
			else if ("chunked".equals(lower(partial.header("Transfer-Encoding")))) {
				StringBuilder joined = new StringBuilder();
				at = dechunk(text, bodyStart, joined);
				responses.add(new Response(status, head, utf8(joined.toString())));
				continue;
			}
			else {
				bodyEnd = text.length();
			}
			bodyEnd = Math.min(bodyEnd, text.length());
			responses.add(new Response(status, head, utf8(text.substring(bodyStart, bodyEnd))));
			at = bodyEnd;
		}
		return responses;
	}

	private static int dechunk(String text, int start, StringBuilder body) {
		int at = start;
		while (true) {
			int lineEnd = text.indexOf("\r\n", at);
			if (lineEnd < 0) {
				return text.length();
			}
			int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
			int dataEnd = Math.min(text.length(), lineEnd + 2 + size);
			body.append(text, lineEnd + 2, dataEnd);
			at = Math.min(text.length(), dataEnd + 2);
			if (size == 0) {
				return at;
			}
		}
	}

	private static String utf8(String latin1) {
		return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

}
