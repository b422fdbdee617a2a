package com.appgain.fault;

import java.util.concurrent.CountDownLatch;

import com.appgain.devstack.EmbeddedMongo;

/**
 * devstack's MongoDB wire-protocol server, on every address of its host: devstack itself
 * listens on loopback only, which another host cannot reach. Runs until killed.
 */
public final class MongoHost {

	private MongoHost() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedMongo mongo = EmbeddedMongo.inMemory().start("0.0.0.0", Integer.parseInt(args[0]));
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
		System.out.println("mongodb ready on port " + mongo.port());
		new CountDownLatch(1).await();
	}

}
