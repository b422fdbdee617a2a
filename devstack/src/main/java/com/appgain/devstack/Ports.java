package com.appgain.devstack;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback port helpers shared by the embedded servers.
 *
 * @author AppGain
 */
public final class Ports {

	public static final String LOOPBACK = "127.0.0.1";

	private static final int FIRST_FREE_PORT = 20000;

	private static final int FREE_PORTS = 12000;

	// each JVM starts at its own place, so that two builds on one machine rarely meet
	private static int nextPort = ThreadLocalRandom.current().nextInt(FREE_PORTS);

	private Ports() {
	}

	/**
	 * Return a port that nothing listens on right now, below Linux's ephemeral range
	 * (32768 and up). A port from {@code new ServerSocket(0)} comes from that range, so
	 * the outgoing connection of any process may take it in the seconds before the server
	 * it was given to binds it.
	 * @return a free port
	 */
	public static synchronized int freePort() {
		for (int tries = 0; tries < FREE_PORTS; tries++) {
			int port = FIRST_FREE_PORT + (nextPort++ % FREE_PORTS);
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(loopback(), port), 1);
				return port;
			}
			catch (IOException ex) {
				// taken: try the next one
			}
		}
		throw new IllegalStateException(
				"no free port in " + FIRST_FREE_PORT + "-" + (FIRST_FREE_PORT + FREE_PORTS - 1) + " on " + LOOPBACK);
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
