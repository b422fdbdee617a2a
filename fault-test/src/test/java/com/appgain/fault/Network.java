package com.appgain.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hosts on one machine: a Linux network namespace per host, each joined to one bridge by
 * a veth pair, in a private subnet nothing else is on. The root namespace is on the
 * bridge too ({@link #CLIENT}): the tests and their load generator are the clients. Every
 * name starts with {@link #PREFIX}, so that a run removes what a killed run left.
 */
final class Network implements AutoCloseable {

	static final String PREFIX = "ftx";

	static final String BRIDGE = PREFIX + "br0";

	static final String SUBNET = "10.77.0";

	static final String CLIENT = SUBNET + ".1";

	private final List<Host> hosts = new ArrayList<>();

	private final StringBuilder setup = new StringBuilder();

	private final Thread cleanupOnExit = new Thread(Network::removeAll, "fault-test-network-cleanup");

	private Network() {
	}

	/**
	 * Why this machine cannot run the fault tests, or {@code null} when it can.
	 * @return the reason, one line
	 */
	static String unavailableReason() {
		if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
			return "network namespaces need Linux";
		}
		String probe = PREFIX + "probe";
		if (run("sh", "-c", "command -v curl").exitCode() != 0) {
			return "curl is missing (the probe host's request bursts use it)";
		}
		try {
			run("ip", "netns", "del", probe).exitCode();
			Result added = run("ip", "netns", "add", probe);
			run("ip", "netns", "del", probe);
			return added.ok() ? null : "cannot create a network namespace (needs root): " + added.output().trim();
		}
		catch (IllegalStateException ex) {
			return "iproute2's ip is not usable: " + ex.getMessage();
		}
	}

	/**
	 * Remove what an earlier run left, then create the bridge.
	 * @return the network
	 */
	static Network create() {
		removeAll();
		Network network = new Network();
		Runtime.getRuntime().addShutdownHook(network.cleanupOnExit);
		must("ip", "link", "add", BRIDGE, "type", "bridge");
		must("ip", "addr", "add", CLIENT + "/24", "dev", BRIDGE);
		must("ip", "link", "set", BRIDGE, "up");
		return network;
	}

	/**
	 * Add a host with its own network stack; it exists once {@link #connect()} has run.
	 * @param name short name, at most 8 characters
	 * @param lastOctet its address in the test subnet
	 * @return the host
	 */
	Host host(String name, int lastOctet) {
		Host host = new Host(PREFIX + "-" + name, SUBNET + "." + lastOctet);
		String ns = host.namespace();
		String outside = ns + "-h";
		this.setup.append(String.join("\n", "ip netns add " + ns,
				"ip link add " + outside + " type veth peer name eth0 netns " + ns,
				"ip link set " + outside + " master " + BRIDGE, "ip link set " + outside + " up",
				"ip -n " + ns + " addr add " + host.address() + "/24 dev eth0", "ip -n " + ns + " link set eth0 up",
				"ip -n " + ns + " link set lo up", ""));
		this.hosts.add(host);
		return host;
	}

	/** Create the hosts added so far, in one shell rather than a process per command. */
	void connect() {
		must("sh", "-e", "-c", this.setup.toString());
		this.setup.setLength(0);
	}

	@Override
	public void close() {
		removeAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanupOnExit);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook runs anyway
		}
	}

	/**
	 * Kill every process in a namespace with our prefix, then delete the namespaces
	 * (which deletes their veth pairs) and the bridge.
	 */
	static synchronized void removeAll() {
		for (String line : run("ip", "netns", "list").output().split("\n")) {
			String namespace = line.split(" ")[0].trim();
			if (namespace.startsWith(PREFIX)) {
				for (String pid : run("ip", "netns", "pids", namespace).output().split("\\s+")) {
					if (!pid.isBlank()) {
						run("kill", "-9", pid.trim());
					}
				}
				run("ip", "netns", "del", namespace);
			}
		}
		run("ip", "link", "del", BRIDGE);
	}

	static void must(String... command) {
		Result result = run(command);
		if (!result.ok()) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output().trim());
		}
	}

	static Result run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 20 s");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	record Result(int exitCode, String output) {

		boolean ok() {
			return this.exitCode == 0;
		}

	}

	/**
	 * One host: a namespace and its address.
	 *
	 * @param namespace the namespace's name
	 * @param address its IPv4 address
	 */
	record Host(String namespace, String address) {

		void exec(String... command) {
			List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", this.namespace));
			full.addAll(List.of(command));
			must(full.toArray(String[]::new));
		}

		/**
		 * Drop every packet to and from this host, as when its link dies: no RST comes
		 * back, so connects and reads time out.
		 */
		void cutOff() {
			// link down on the bridge side: frames to and from the host are dropped (tc's
			// netem, which could drop them too, is not in every kernel, this one's
			// included)
			must("ip", "link", "set", "dev", this.namespace + "-h", "down");
		}

		void reconnect() {
			must("ip", "link", "set", "dev", this.namespace + "-h", "up");
		}

		String url(int port) {
			return "http://" + this.address + ":" + port;
		}

	}

}
