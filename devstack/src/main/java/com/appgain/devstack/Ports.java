package com.appgain.devstack;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback port helpers shared by the embedded servers.
 *
 * @author AppGain
 */
public final class Ports {

	public static final String LOOPBACK = "127.0.0.1";

	private Ports() {
	}

	/**
	 * Return a port that is free on the loopback interface right now.
	 * @return a free port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port on " + LOOPBACK, ex);
		}
	}

	/**
	 * Check that a port can be listened on, so a clash is reported before any server
	 * starts.
	 * @param service the name used in the error message
	 * @param port the port to check; 0 always passes
	 * @throws PortInUseException if something already listens on the port
	 */
	public static void ensureAvailable(String service, int port) {
		if (port == 0) {
			return;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(loopback(), port), 1);
		}
		catch (BindException ex) {
			throw new PortInUseException(service, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot check port " + port + " (" + service + "): " + ex.getMessage(), ex);
		}
	}

	static boolean isBindFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException
					|| String.valueOf(cause.getMessage()).contains("Address already in use")) {
				return true;
			}
		}
		return false;
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByName(LOOPBACK);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
