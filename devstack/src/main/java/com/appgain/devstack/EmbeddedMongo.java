package com.appgain.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server (mongo-java-server with its H2 backend, see
 * {@link SnapshotH2Backend}) on the loopback interface. With a file the data survives a
 * restart; without one it lives in memory.
 *
 * @author AppGain
 */
public class EmbeddedMongo implements AutoCloseable {

	private final Path file;

	private MongoServer server;

	private int port;

	/**
	 * Create a server that keeps its data in the given MVStore file.
	 * @param file the H2 MVStore file, created with its parent folders when missing;
	 * {@code null} keeps the data in memory
	 */
	public EmbeddedMongo(Path file) {
		this.file = file;
	}

	public static EmbeddedMongo inMemory() {
		return new EmbeddedMongo(null);
	}

	/**
	 * Start listening on 127.0.0.1.
	 * @param port the port, or 0 for a free one
	 * @return this server
	 * @throws PortInUseException if the port is taken
	 */
	public EmbeddedMongo start(int port) {
		return start(Ports.LOOPBACK, port);
	}

	/**
	 * Start listening on the given address ({@code 0.0.0.0} for a store that other hosts
	 * reach, as in fault-test).
	 * @param address the address to listen on
	 * @param port the port, or 0 for a free one
	 * @return this server
	 * @throws PortInUseException if the port is taken
	 */
	public synchronized EmbeddedMongo start(String address, int port) {
		if (this.server != null) {
			throw new IllegalStateException("mongodb is already running on port " + this.port);
		}
		Ports.ensureAvailable("mongodb", port);
		SnapshotH2Backend backend = openBackend();
		// 5.0 is already the default; pinned because it is the only one that reports wire
		// version 8, the lowest the MongoDB 5.6 driver managed by Spring Boot 4 accepts
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer started = new MongoServer(backend);
		try {
			started.bind(address, port);
		}
		catch (RuntimeException ex) {
			started.shutdownNow();
			if (Ports.isBindFailure(ex)) {
				throw new PortInUseException("mongodb", port);
			}
			throw ex;
		}
		this.server = started;
		this.port = started.getLocalAddress().getPort();
		return this;
	}

	private SnapshotH2Backend openBackend() {
		if (this.file == null) {
			return new SnapshotH2Backend(MVStore.open(null));
		}
		try {
			Path parent = this.file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the folder of " + this.file, ex);
		}
		return new SnapshotH2Backend(MVStore.open(this.file.toAbsolutePath().toString()));
	}

	/**
	 * Stop listening and close the store, flushing it to its file. Does nothing when not
	 * running.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.shutdown();
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port, resolved when started on 0
	 */
	public synchronized int port() {
		requireRunning();
		return this.port;
	}

	public String connectionString() {
		return "mongodb://" + Ports.LOOPBACK + ":" + port();
	}

	private void requireRunning() {
		if (this.server == null) {
			throw new IllegalStateException("mongodb is not running");
		}
	}

}
