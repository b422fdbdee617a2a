package com.appgain.common.api.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code ::1}). Only address literals
 * are parsed, so a host name in a header can never trigger a (blocking) DNS lookup.
 */
public final class AddressRange {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final byte[] network;

	private final int prefixLength;

	private AddressRange(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	public static AddressRange parse(String range) {
		String[] parts = range.trim().split("/", 2);
		InetAddress address = literal(parts[0]);
		if (address == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: '" + range + "'");
		}
		int bits = address.getAddress().length * 8;
		int prefixLength = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
		if (prefixLength < 0 || prefixLength > bits) {
			throw new IllegalArgumentException("Invalid prefix length in '" + range + "'");
		}
		return new AddressRange(address.getAddress(), prefixLength);
	}

	/** The ranges of a configured list; blank entries are skipped. */
	public static List<AddressRange> parseAll(Collection<String> ranges) {
		return ranges.stream().filter((range) -> !range.isBlank()).map(AddressRange::parse).toList();
	}

	/** Whether any of the ranges contains the address. */
	public static boolean anyContains(List<AddressRange> ranges, InetAddress address) {
		return ranges.stream().anyMatch((range) -> range.contains(address));
	}

	/** The address a literal stands for, or {@code null} for anything else. */
	public static InetAddress literal(String value) {
		if (value == null || !(IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
			return null;
		}
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}
