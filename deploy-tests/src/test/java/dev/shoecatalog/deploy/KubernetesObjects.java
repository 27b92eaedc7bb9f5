package dev.shoecatalog.deploy;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Parses rendered YAML into the fabric8 Kubernetes model, strictly: a field the model does not know
 * (a typo, a field at the wrong level) lands in additionalProperties, and that fails here.
 */
final class KubernetesObjects {

    private KubernetesObjects() {
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : Sources.documents(yaml)) {
            HasMetadata object = Serialization.unmarshal(document, HasMetadata.class);
            if (!(object instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), unknown);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("fields the Kubernetes model does not know: " + unknown);
                }
            }
            objects.add(object);
        }
        return objects;
    }

    /**
     * Names of the Secrets the objects refer to anywhere: envFrom and env of pods and of Spark's driver
     * and executors, secret volumes, projected secrets.
     */
    static Set<String> referencedSecrets(String yaml) {
        Set<String> names = new TreeSet<>();
        for (String document : Sources.documents(yaml)) {
            collectSecretNames(Serialization.unmarshal(document, Map.class), names);
        }
        return names;
    }

    private static void collectSecretNames(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey().equals("secretName") && entry.getValue() instanceof String name) {
                    names.add(name);
                } else if (List.of("secretRef", "secretKeyRef", "secret").contains(entry.getKey())
                        && entry.getValue() instanceof Map<?, ?> ref && ref.get("name") instanceof String name) {
                    names.add(name);
                }
                collectSecretNames(entry.getValue(), names);
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collectSecretNames(item, names));
        }
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        if (!(value instanceof KubernetesResource)) {
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(value.getClass()).getPropertyDescriptors()) {
                if (property.getReadMethod() == null || property.getName().equals("class")) {
                    continue;
                }
                Object field = property.getReadMethod().invoke(value);
                if (property.getName().equals("additionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(field, path + "." + property.getName(), unknown);
                }
            }
        } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot inspect " + path, e);
        }
    }
}
