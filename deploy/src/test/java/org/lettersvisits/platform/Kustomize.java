package org.lettersvisits.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The part of {@code kubectl kustomize} that deploy/kubernetes uses, in Java, so {@code ./mvnw verify} renders
 * the overlays where kubectl is not installed: resources (files and kustomization directories), config map
 * and secret generators (without name hashes), strategic-merge patches with a target, images, labels and
 * the namespace. Anything else in a kustomization fails loudly rather than being ignored.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KNOWN = List.of("apiVersion", "kind", "resources", "namespace", "images",
            "labels", "generatorOptions", "configMapGenerator", "secretGenerator", "patches");

    private Kustomize() {
    }

    /** Every resource the kustomization in {@code directory} renders, in the order they were declared. */
    static List<ObjectNode> render(Path directory) throws IOException {
        Path file = directory.resolve("kustomization.yaml");
        JsonNode kustomization = YAML.readTree(file.toFile());
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(file + ": '" + name + "' is not supported by this renderer");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                resources.addAll(documents(Files.readString(path)));
            }
        }
        boolean hashed = !kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        if (hashed && (kustomization.has("configMapGenerator") || kustomization.has("secretGenerator"))) {
            throw new IllegalArgumentException(file + ": generators need disableNameSuffixHash: true here");
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            resources.add(generated(directory, generator, "ConfigMap"));
        }
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            resources.add(generated(directory, generator, "Secret"));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            JsonNode target = patch.path("target");
            JsonNode change = patch.has("path") ? YAML.readTree(directory.resolve(patch.get("path").asText()).toFile())
                    : YAML.readTree(patch.path("patch").asText());
            boolean matched = false;
            for (ObjectNode resource : resources) {
                if (matches(target, resource)) {
                    ObjectNode fields = change.deepCopy();
                    fields.remove(List.of("apiVersion", "kind"));
                    fields.with("metadata").remove("name");
                    merge(resource, fields);
                    matched = true;
                }
            }
            if (!matched) {
                throw new IllegalArgumentException(file + ": a patch matches nothing: " + target);
            }
        }
        if (kustomization.has("namespace")) {
            resources.forEach(r -> r.with("metadata").put("namespace", kustomization.get("namespace").asText()));
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(r -> retag(r, image));
        }
        for (JsonNode label : kustomization.path("labels")) {
            if (label.path("includeSelectors").asBoolean(false)) {
                throw new IllegalArgumentException(file + ": labels with includeSelectors are not supported");
            }
            for (ObjectNode resource : resources) {
                label.path("pairs").fields().forEachRemaining(pair -> {
                    resource.with("metadata").with("labels").set(pair.getKey(), pair.getValue());
                    if (label.path("includeTemplates").asBoolean(false) && resource.path("spec").has("template")) {
                        ((ObjectNode) resource.get("spec")).with("template").with("metadata").with("labels")
                                .set(pair.getKey(), pair.getValue());
                    }
                });
            }
        }
        return resources;
    }

    static List<ObjectNode> documents(String yaml) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode document = it.next();
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            }
        }
        return documents;
    }

    private static ObjectNode generated(Path directory, JsonNode generator, String kind) throws IOException {
        ObjectNode resource = YAML.createObjectNode().put("apiVersion", "v1").put("kind", kind);
        resource.with("metadata").put("name", generator.get("name").asText());
        ObjectNode data = resource.with("data");
        for (JsonNode literal : generator.path("literals")) {
            String[] pair = literal.asText().split("=", 2);
            data.put(pair[0], value(kind, pair[1]));
        }
        for (JsonNode source : generator.path("files")) {
            Path path = directory.resolve(source.asText());
            data.put(path.getFileName().toString(), value(kind, Files.readString(path)));
        }
        if (generator.has("type")) {
            resource.put("type", generator.get("type").asText());
        } else if (kind.equals("Secret")) {
            resource.put("type", "Opaque");
        }
        return resource;
    }

    /** A Secret's value in Base64 as kustomize writes it: past 70 characters, in lines of 70, each ending in a newline. */
    private static String value(String kind, String text) {
        if (!kind.equals("Secret")) {
            return text;
        }
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() <= 70) {
            return encoded;
        }
        StringBuilder lines = new StringBuilder();
        for (int start = 0; start < encoded.length(); start += 70) {
            lines.append(encoded, start, Math.min(encoded.length(), start + 70)).append('\n');
        }
        return lines.toString();
    }

    private static boolean matches(JsonNode target, ObjectNode resource) {
        return (!target.has("kind") || target.get("kind").asText().equals(resource.path("kind").asText()))
                && (!target.has("name") || target.get("name").asText().equals(resource.path("metadata").path("name").asText()));
    }

    /** Strategic merge as kustomize does it for these resources: maps merge, lists of named items merge by name. */
    static void merge(ObjectNode into, JsonNode change) {
        change.fields().forEachRemaining(field -> {
            JsonNode current = into.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                into.remove(field.getKey());
            } else if (current instanceof ObjectNode object && value.isObject()) {
                merge(object, value);
            } else if (current instanceof ArrayNode list && value.isArray() && named(list) && named(value)) {
                // as kubectl's strategic merge: items the patch adds come first, in the patch's order
                int added = 0;
                for (JsonNode item : value) {
                    ObjectNode same = null;
                    for (JsonNode existing : list) {
                        if (existing.get("name").equals(item.get("name"))) {
                            same = (ObjectNode) existing;
                        }
                    }
                    if (same == null) {
                        list.insert(added++, item.deepCopy());
                    } else {
                        merge(same, item);
                    }
                }
            } else {
                into.set(field.getKey(), value.deepCopy());
            }
        });
    }

    private static boolean named(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void retag(ObjectNode resource, JsonNode image) {
        JsonNode pod = resource.path("spec").path("template").path("spec");
        for (String containers : List.of("containers", "initContainers")) {
            for (JsonNode container : pod.path(containers)) {
                String current = container.path("image").asText();
                String name = current.replaceFirst(":[^/:]+$", "");
                if (name.equals(image.get("name").asText())) {
                    String newName = image.has("newName") ? image.get("newName").asText() : name;
                    String tag = image.has("newTag") ? ":" + image.get("newTag").asText()
                            : current.substring(name.length());
                    ((ObjectNode) container).put("image", newName + tag);
                }
            }
        }
    }

    /** The resources keyed "Kind/name", for look-ups in tests. */
    static Map<String, ObjectNode> byKindAndName(List<ObjectNode> resources) {
        Map<String, ObjectNode> index = new java.util.LinkedHashMap<>();
        for (ObjectNode resource : resources) {
            String key = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            if (index.put(key, resource) != null) {
                throw new IllegalArgumentException("rendered twice: " + key);
            }
        }
        return index;
    }
}
