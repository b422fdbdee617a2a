package com.appgain.fault;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * devstack's MongoDB wire-protocol server, on every address of its host: devstack itself
 * listens on loopback only, which another host cannot reach. Runs until killed.
 */
public final class MongoHost {

	private MongoHost() {
	}

	public static void main(String[] args) throws InterruptedException {
		H2Backend backend = H2Backend.inMemory();
		backend.version(ServerVersion.MONGO_5_0);
		MongoServer server = new MongoServer(backend);
		server.bind("0.0.0.0", Integer.parseInt(args[0]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		System.out.println("mongodb ready on " + server.getLocalAddress());
		new CountDownLatch(1).await();
	}

}
