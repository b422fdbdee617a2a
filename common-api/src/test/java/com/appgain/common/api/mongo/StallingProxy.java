package com.appgain.common.api.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a server that a test can stall, as a frozen or cut-off host
 * would be: connections are accepted, and nothing goes through, either way, until
 * {@link #resume()}. Bytes in flight are kept and delivered on resume.
 */
final class StallingProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private volatile boolean stalled;

	StallingProxy(InetSocketAddress target) throws IOException {
		this.target = target;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("stalling-proxy", this::accept);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	void stall() {
		this.stalled = true;
	}

	void resume() {
		synchronized (this.gate) {
			this.stalled = false;
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(this.target.getAddress(), this.target.getPort());
				this.sockets.add(client);
				this.sockets.add(server);
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				// closed, or the server went away: the client sees its connection end
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		daemon("stalling-proxy-pipe", () -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					awaitResume();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// either side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitResume() throws InterruptedException {
		synchronized (this.gate) {
			while (this.stalled) {
				this.gate.wait(1000);
			}
		}
	}

	@Override
	public void close() {
		resume();
		closeQuietly(this.listener);
		this.sockets.forEach(StallingProxy::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
