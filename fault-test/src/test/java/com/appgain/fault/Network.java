package com.appgain.fault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts on one machine: a Linux network namespace per host, each joined to one bridge by
 * a veth pair, in a private subnet nothing else is on. The root namespace is on the
 * bridge too ({@link #client()}): the tests and their load generator are the clients.
 * <p>
 * Each run takes a free {@link Slot} (1 to 200) and names everything after it: slot 7's
 * bridge is {@code ft7-br}, its hosts {@code ft7-gw}, {@code ft7-ex1}, ..., its subnet
 * 10.77.7.0/24. The slot is a lock on a file under {@link #LOCKS}, held until the JVM
 * exits (the kernel releases it when the JVM dies, even by SIGKILL). A run removes what
 * runs that no longer hold their slot left behind, and never touches a live run's names,
 * so two runs on one machine leave each other alone.
 */
final class Network implements AutoCloseable {

	/** Machine-wide, as the namespaces are; {@code ip netns} keeps its own under /run. */
	static final Path LOCKS = Path.of("/run/appgain-fault-test");

	private static final int SLOTS = 200;

	/** The names a run makes: {@code ft<slot>-<name>}, the name at most 7 characters. */
	private static final Pattern RUN_NAME = Pattern.compile("ft(\\d{1,3})-[a-z0-9]{1,7}");

	private static Slot slot;

	private final List<Host> hosts = new ArrayList<>();

	private final StringBuilder setup = new StringBuilder();

	private final String prefix;

	private final String subnet;

	private final Thread cleanupOnExit;

	private Network(Slot slot) {
		this.prefix = slot.prefix();
		this.subnet = "10.77." + slot.number();
		this.cleanupOnExit = new Thread(() -> remove(this.prefix), "fault-test-network-cleanup");
	}

	/**
	 * Why this machine cannot run the fault tests, or {@code null} when it can.
	 * @return the reason, one line
	 */
	static String unavailableReason() {
		if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
			return "network namespaces need Linux";
		}
		if (run("sh", "-c", "command -v curl").exitCode() != 0) {
			return "curl is missing (the probe host's request bursts use it)";
		}
		String probe;
		try {
			probe = slot().prefix() + "-check";
		}
		catch (IllegalStateException ex) {
			return "no run slot (needs root): " + ex.getMessage();
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
	 * Remove what earlier runs left, then create this run's bridge.
	 * @return the network
	 */
	static Network create() {
		Network network = new Network(slot());
		removeLeftovers();
		Runtime.getRuntime().addShutdownHook(network.cleanupOnExit);
		must("ip", "link", "add", network.bridge(), "type", "bridge");
		must("ip", "addr", "add", network.client() + "/24", "dev", network.bridge());
		must("ip", "link", "set", network.bridge(), "up");
		return network;
	}

	/**
	 * The root namespace's address on the bridge: where the tests' requests come from.
	 */
	String client() {
		return this.subnet + ".1";
	}

	private String bridge() {
		return this.prefix + "-br";
	}

	/**
	 * Add a host with its own network stack; it exists once {@link #connect()} has run.
	 * @param name short name, at most 7 characters: the veth's name ({@code ft200-}, the
	 * name, {@code -h}) must fit Linux's 15
	 * @param lastOctet its address in the test subnet
	 * @return the host
	 */
	Host host(String name, int lastOctet) {
		if (!name.matches("[a-z0-9]{1,7}")) {
			throw new IllegalArgumentException("a host name is 1 to 7 of a-z and 0-9: " + name);
		}
		Host host = new Host(this.prefix + "-" + name, this.subnet + "." + lastOctet);
		String ns = host.namespace();
		String outside = ns + "-h";
		this.setup.append(String.join("\n", "ip netns add " + ns,
				"ip link add " + outside + " type veth peer name eth0 netns " + ns,
				"ip link set " + outside + " master " + bridge(), "ip link set " + outside + " up",
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
		remove(this.prefix);
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanupOnExit);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook runs anyway
		}
	}

	/** This JVM's slot, taken on first use and held until the JVM exits. */
	static synchronized Slot slot() {
		if (slot == null) {
			slot = Slot.take();
			System.out.printf("fault-test: slot %d (names %s-*, lock %s)%n", slot.number(), slot.prefix(),
					Slot.lockFile(slot.number()));
		}
		return slot;
	}

	/**
	 * Remove the namespaces and bridges of every slot no live run holds, and this run's
	 * own slot's (left by a killed run that had the same slot).
	 */
	private static void removeLeftovers() {
		Set<Integer> slots = new TreeSet<>();
		for (String line : run("ip", "netns", "list").output().split("\n")) {
			runSlot(line.split(" ")[0].trim(), slots);
		}
		for (String line : run("ip", "-o", "link", "show", "type", "bridge").output().split("\n")) {
			String[] fields = line.split(":\\s+");
			if (fields.length > 1) {
				runSlot(fields[1].split("@")[0].trim(), slots);
			}
		}
		for (int number : slots) {
			if (number == slot().number()) {
				remove(slot().prefix());
				continue;
			}
			FileLock lock = Slot.tryLock(number);
			if (lock != null) {
				try {
					System.out.printf("fault-test: removing what slot %d's run left%n", number);
					remove("ft" + number);
				}
				finally {
					Slot.release(lock);
				}
			}
		}
	}

	private static void runSlot(String name, Set<Integer> slots) {
		Matcher matcher = RUN_NAME.matcher(name);
		if (matcher.matches()) {
			int number = Integer.parseInt(matcher.group(1));
			if (number >= 1 && number <= SLOTS) {
				slots.add(number);
			}
		}
	}

	/**
	 * Kill every process in a namespace of one run, then delete its namespaces (which
	 * deletes their veth pairs) and its bridge.
	 */
	private static synchronized void remove(String prefix) {
		for (String line : run("ip", "netns", "list").output().split("\n")) {
			String namespace = line.split(" ")[0].trim();
			if (namespace.startsWith(prefix + "-")) {
				for (String pid : run("ip", "netns", "pids", namespace).output().split("\\s+")) {
					if (!pid.isBlank()) {
						run("kill", "-9", pid.trim());
					}
				}
				run("ip", "netns", "del", namespace);
			}
		}
		run("ip", "link", "del", prefix + "-br");
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
	 * A run's claim on its names and subnet: the lock on {@code ft<number>.lock}.
	 *
	 * @param number 1 to 200
	 * @param lock held while the run lives
	 */
	record Slot(int number, FileLock lock) {

		String prefix() {
			return "ft" + this.number;
		}

		/**
		 * The first free slot, from one that depends on the pid, so runs rarely collide.
		 */
		static Slot take() {
			try {
				Files.createDirectories(LOCKS);
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot create " + LOCKS + ": " + ex.getMessage(), ex);
			}
			int first = (int) (ProcessHandle.current().pid() % SLOTS);
			for (int i = 0; i < SLOTS; i++) {
				int number = 1 + (first + i) % SLOTS;
				FileLock lock = tryLock(number);
				if (lock != null) {
					return new Slot(number, lock);
				}
			}
			throw new IllegalStateException("all " + SLOTS + " slots under " + LOCKS + " are held by live runs");
		}

		/**
		 * The slot's lock, or {@code null} when a live run holds it. Never called for
		 * this JVM's own slot: on Linux, closing any channel to a file drops every lock
		 * the process holds on it.
		 */
		static FileLock tryLock(int number) {
			FileChannel channel = null;
			try {
				channel = FileChannel.open(lockFile(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock();
				if (lock == null) {
					channel.close();
				}
				return lock;
			}
			catch (IOException | OverlappingFileLockException ex) {
				closeQuietly(channel);
				return null;
			}
		}

		/**
		 * The lock files stay: deleting one could let two runs lock different files of
		 * one slot.
		 */
		static void release(FileLock lock) {
			closeQuietly(lock.channel());
		}

		static Path lockFile(int number) {
			return LOCKS.resolve("ft" + number + ".lock");
		}

		private static void closeQuietly(FileChannel channel) {
			if (channel != null) {
				try {
					channel.close();
				}
				catch (IOException ex) {
					// nothing held any more either way
				}
			}
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
