package com.appgain.deploycheck;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What environment variable names and values look like secrets.
 */
public final class EnvNames {

	/**
	 * The last word of a secret's name: {@code JWT_SIGNING_KEY}, {@code ADMIN_PASSWORD},
	 * {@code STRIPE_WEBHOOK_SECRET}, {@code SENTRY_DSN}, ... but not
	 * {@code PASSWORD_HASH_ITERATIONS}, {@code JWT_KEY_ID} or
	 * {@code GATEWAY_RATE_LIMIT_REQUESTED_TOKENS}.
	 */
	private static final Set<String> SECRET_WORDS = Set.of("KEY", "SECRET", "SECRETS", "PASSWORD", "PASSWD", "PWD",
			"TOKEN", "DSN", "CREDENTIALS");

	/**
	 * A URL with a password in it: {@code mongodb://user:pass@host},
	 * {@code redis://:pass@host}.
	 */
	private static final Pattern URL_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:([^@\\s/]+)@");

	/** Values that stand for a secret without being one. */
	private static final Pattern PLACEHOLDER = Pattern
		.compile("(?i)\\s*|change[-_ ]?me|replace[-_ ]?me|todo|<[^>]*>|\\$\\{[^}]*}|\\$\\([^)]*\\)");

	private EnvNames() {
	}

	public static boolean isSecretLike(String name) {
		String upper = name.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
		String last = upper.substring(upper.lastIndexOf('_') + 1);
		return SECRET_WORDS.contains(last);
	}

	/** Whether a literal value carries a password inside a URL. */
	public static boolean hasUrlPassword(String value) {
		if (value == null) {
			return false;
		}
		Matcher matcher = URL_PASSWORD.matcher(value);
		while (matcher.find()) {
			if (!isPlaceholder(matcher.group(1))) {
				return true;
			}
		}
		return false;
	}

	/** Empty, or an obvious stand-in such as {@code change-me} or {@code <your key>}. */
	public static boolean isPlaceholder(String value) {
		return value == null || PLACEHOLDER.matcher(value).matches();
	}

}
