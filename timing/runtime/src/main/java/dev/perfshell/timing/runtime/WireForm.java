package dev.perfshell.timing.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's form on the engine link: a {@code HashMap} keyed by the record's component names, and back. The link
 * deserialises only JDK types (an allow-list), so a request or reply cannot cross as itself; written and read by
 * this one class from the record's own components, a field cannot be written under one name and read under another.
 *
 * <p>Components may be: primitives and their boxes, {@code String}, primitive arrays, enums (by name), records
 * (nested maps), and {@code List}s and {@code Map}s with {@code String} keys of any of these. A {@code null}
 * component is left out of the map; read back, a missing component is {@code null}, 0 or {@code false} (primitives),
 * or an empty list or map, so a reply without its optional parts reads as one.
 */
public final class WireForm {
    private WireForm() {}

    /** The record as JDK maps, lists, boxed numbers, strings and arrays. */
    public static HashMap<String, Object> write(Record record) {
        HashMap<String, Object> wire = new HashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = component(record, component);
            if (value != null) wire.put(component.getName(), encode(value));
        }
        return wire;
    }

    /** The record of {@code type} that {@link #write} wrote as {@code wire}. */
    public static <R extends Record> R read(Class<R> type, Map<?, ?> wire) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = decode(wire.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "not a " + type.getSimpleName() + " on the wire: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be read from the wire", e);
        }
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component + " cannot be written to the wire", e);
        }
    }

    private static Object encode(Object value) {
        if (value instanceof Record nested) return write(nested);
        if (value instanceof Enum<?> constant) return constant.name();
        if (value instanceof List<?> list) {
            ArrayList<Object> items = new ArrayList<>(list.size());
            for (Object item : list) items.add(item == null ? null : encode(item));
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            HashMap<String, Object> entries = new HashMap<>();
            map.forEach((key, item) -> entries.put(String.valueOf(key), item == null ? null : encode(item)));
            return entries;
        }
        return value; // a String, a boxed primitive or a primitive array: JDK types the link accepts as they are
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object decode(Object raw, Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> container = (Class<?>) generic.getRawType();
            Type element = generic.getActualTypeArguments()[container == Map.class ? 1 : 0];
            if (container == List.class) {
                List<Object> items = new ArrayList<>();
                if (raw != null) for (Object item : (List<?>) raw) items.add(decode(item, element));
                return Collections.unmodifiableList(items);
            }
            if (container == Map.class) {
                Map<String, Object> entries = new LinkedHashMap<>();
                if (raw != null) ((Map<?, ?>) raw).forEach((k, v) -> entries.put((String) k, decode(v, element)));
                return Collections.unmodifiableMap(entries);
            }
            throw new IllegalStateException("no wire form for " + type);
        }
        Class<?> target = (Class<?>) type;
        if (target.isPrimitive()) return primitive(raw, target);
        if (raw == null) return null;
        if (target.isRecord()) return read((Class<? extends Record>) target, (Map<?, ?>) raw);
        if (target.isEnum()) return Enum.valueOf((Class<? extends Enum>) target, (String) raw);
        if (raw instanceof Number number) return boxed(number, target);
        return target.cast(raw);
    }

    private static Object primitive(Object raw, Class<?> target) {
        if (target == boolean.class) return Boolean.TRUE.equals(raw);
        Number number = raw instanceof Number n ? n : 0;
        return boxed(number, target);
    }

    /** Numbers cross as whatever box wrote them; read as the component's own type. */
    private static Object boxed(Number number, Class<?> target) {
        if (target == long.class || target == Long.class) return number.longValue();
        if (target == int.class || target == Integer.class) return number.intValue();
        if (target == double.class || target == Double.class) return number.doubleValue();
        if (target == float.class || target == Float.class) return number.floatValue();
        if (target == short.class || target == Short.class) return number.shortValue();
        if (target == byte.class || target == Byte.class) return number.byteValue();
        return target.cast(number);
    }
}
