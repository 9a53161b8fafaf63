package dev.seatkeeper.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the k8s/ manifests (and kustomize's output) as typed fabric8 Kubernetes objects. */
final class Manifests {

	static final Path K8S = Path.of("k8s");

	static final Path PROFILES = Path.of("jobs", "profiles");

	private static final YAMLMapper yaml = YAMLMapper.builder()
		.addModule(new SimpleModule().addDeserializer(KubernetesResource.class, new KubernetesDeserializer()))
		.build();

	private Manifests() {
	}

	/** Patches (named {@code *.patch.yaml}) hold only the fields they change, so they are no complete objects. */
	static final String PATCH_SUFFIX = ".patch.yaml";

	/**
	 * Every Kubernetes manifest under k8s/: YAML files other than kustomize's own configuration (kustomization.yaml
	 * and the patches it applies).
	 */
	static List<Path> files() {
		return yamlFiles().stream()
			.filter((path) -> !path.getFileName().toString().equals("kustomization.yaml"))
			.filter((path) -> !path.getFileName().toString().endsWith(PATCH_SUFFIX))
			.toList();
	}

	/** Every kustomize patch under k8s/. */
	static List<Path> patches() {
		return yamlFiles().stream().filter((path) -> path.getFileName().toString().endsWith(PATCH_SUFFIX)).toList();
	}

	private static List<Path> yamlFiles() {
		try (Stream<Path> paths = Files.walk(K8S)) {
			return paths.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<HasMetadata> read(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The objects of a multi-document YAML stream, each as the fabric8 type of its apiVersion and kind. */
	static List<HasMetadata> parse(String documents) {
		List<HasMetadata> objects = new ArrayList<>();
		for (KubernetesResource resource : yaml.readerFor(KubernetesResource.class).<KubernetesResource>readValues(documents).readAll()) {
			objects.add((HasMetadata) resource);
		}
		return objects;
	}

	static List<HasMetadata> readAll() {
		return files().stream().flatMap((file) -> read(file).stream()).toList();
	}

	static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
		return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	static JsonNode tree(Path file) {
		return yaml.readTree(file.toFile());
	}

	static Container container(List<Container> containers, String name) {
		return containers.stream()
			.filter((container) -> container.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container named " + name));
	}

	static Map<String, String> env(Container container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (EnvVar variable : container.getEnv()) {
			env.put(variable.getName(), variable.getValue());
		}
		return env;
	}

	/**
	 * Paths of fields the fabric8 model did not know: it keeps them as "additional properties" instead of failing,
	 * so a misspelt field (concurencyPolicy) would otherwise go unnoticed here and be dropped by the API server.
	 */
	static List<String> unknownFields(Object object) {
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(object, object.getClass().getSimpleName(), unknown);
		return unknown;
	}

	private static void collectUnknownFields(Object object, String path, List<String> unknown) {
		if (object instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
			}
			return;
		}
		if (object instanceof Map<?, ?> map) {
			map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
			return;
		}
		if (object == null || !object.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : object.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object value = invoke(getter, object);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) value).keySet().forEach((key) -> unknown.add(path + "." + key));
			}
			else {
				collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(getter.toString(), ex);
		}
	}

}
