package ${package}.${featurePackage};

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.appgain.common.api.error.ApiException;

/**
 * The states of ${Entity} documents. Clients set {@code active} or {@code inactive};
 * {@code archived} is set by {@link ${Entity}ArchiveJob}.
 */
public enum ${Entity}Status {

	ACTIVE, INACTIVE, ARCHIVED;

	/** The stored and JSON value: {@code active}, {@code inactive}, {@code archived}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The {@code status} query parameter, or a 400 naming the accepted values. */
	static ${Entity}Status fromParameter(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("Parameter 'status' must be one of " + accepted()));
	}

	private static String accepted() {
		return Arrays.stream(values()).map(${Entity}Status::value).collect(Collectors.joining(", "));
	}

}
