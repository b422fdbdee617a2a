package com.appgain.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML loading (SnakeYAML, safe constructor: plain maps, lists and scalars only) and
 * small helpers to walk the loaded trees.
 */
public final class Yamls {

	private Yamls() {
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(new SafeConstructor(options));
	}

	/** Every non-empty document of a multi-document YAML text. */
	public static List<Object> loadAll(String text) {
		List<Object> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add(document);
			}
		}
		return documents;
	}

	public static List<Object> loadAll(Path file) {
		return loadAll(read(file));
	}

	/** Every document of a file, each of which must be a mapping (a manifest). */
	public static List<Map<String, Object>> loadMaps(Path file) {
		List<Map<String, Object>> maps = new ArrayList<>();
		for (Object document : loadAll(file)) {
			if (!(document instanceof Map)) {
				throw new IllegalStateException(file + ": a document is not a mapping");
			}
			maps.add(map(document));
		}
		return maps;
	}

	public static Map<String, Object> loadMap(Path file) {
		List<Map<String, Object>> maps = loadMaps(file);
		if (maps.size() != 1) {
			throw new IllegalStateException(file + ": expected one YAML document, found " + maps.size());
		}
		return maps.get(0);
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Object value) {
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	public static List<Object> list(Object value) {
		return (value instanceof List) ? (List<Object>) value : List.of();
	}

	/** The maps in a list value (other elements skipped). */
	public static List<Map<String, Object>> maps(Object value) {
		List<Map<String, Object>> maps = new ArrayList<>();
		for (Object element : list(value)) {
			if (element instanceof Map) {
				maps.add(map(element));
			}
		}
		return maps;
	}

	/** The value at a path of map keys, or {@code null}. */
	public static Object at(Object root, String... path) {
		Object current = root;
		for (String key : path) {
			if (!(current instanceof Map)) {
				return null;
			}
			current = ((Map<?, ?>) current).get(key);
		}
		return current;
	}

	public static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	/** A deep, mutable copy of a loaded tree. */
	public static Object copy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, element) -> copy.put(String.valueOf(key), copy(element)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((element) -> copy.add(copy(element)));
			return copy;
		}
		return value;
	}

	/**
	 * A tree flattened to dotted keys ({@code server.port}, {@code a.b[0].c}), as Spring
	 * Boot sees a YAML document.
	 */
	public static Map<String, Object> flatten(Map<String, Object> map) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", map, flat);
		return flat;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> flat) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, element,
					flat));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else {
			flat.put(prefix, value);
		}
	}

}
