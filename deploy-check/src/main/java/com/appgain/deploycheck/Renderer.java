package com.appgain.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders a kustomization directory to the list of manifests it stands for.
 */
public interface Renderer {

	List<Map<String, Object>> render(Path kustomization);

	String name();

	/** {@code kubectl kustomize} when kubectl is on the PATH, else the built-in one. */
	static Renderer auto() {
		return KubectlKustomize.isAvailable() ? new KubectlKustomize() : new BuiltinKustomize();
	}

}
