package com.appgain.common.api.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import redis.embedded.core.ExecutableProvider;

import com.appgain.devstack.Ports;

/**
 * A {@code redis-server} process of its own (the binary shipped in embedded-redis) that a
 * test can freeze with {@code SIGSTOP}, as a stalled host would: connections stay open
 * and nothing answers. {@link #close()} resumes and kills it.
 */
public final class FreezableRedis implements AutoCloseable {

	private final int port;

	private final Process process;

	private FreezableRedis(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	public static FreezableRedis start() throws IOException {
		File binary = ExecutableProvider.newJarResourceProvider().get();
		int port = Ports.freePort();
		Process process = new ProcessBuilder(binary.getAbsolutePath(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		FreezableRedis redis = new FreezableRedis(port, process);
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(redis::accepts);
		}
		catch (RuntimeException ex) {
			redis.close();
			throw ex;
		}
		return redis;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public void freeze() {
		signal("STOP");
	}

	public void thaw() {
		signal("CONT");
	}

	@Override
	public void close() {
		thaw();
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void signal(String signal) {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
