package org.backdrop.dataset.voc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes VOC annotation files in the devkit's layout, with box corners that read back to exactly
 * the same boxes ({@link VocNumbers#corners}). Object attributes are written back as the nested
 * elements their paths name, so {@code actions.phoning} becomes
 * {@code <actions><phoning>…</phoning></actions>}.
 */
public final class VocXmlWriter {

    private static final Logger LOG = LoggerFactory.getLogger(VocXmlWriter.class);

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*?)(?:\\[(\\d+)])?");
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private VocXmlWriter() {}

    /** Returns the UTF-8 bytes of the annotation file for {@code annotation}. */
    public static byte[] write(VocAnnotationFile annotation) {
        StringBuilder xml = new StringBuilder("<annotation>\n");
        element(xml, 1, "filename", annotation.filename());
        xml.append("\t<size>\n");
        element(xml, 2, "width", Integer.toString(annotation.width()));
        element(xml, 2, "height", Integer.toString(annotation.height()));
        element(xml, 2, "depth", "3");
        xml.append("\t</size>\n");
        element(xml, 1, "segmented", annotation.segmented() ? "1" : "0");
        for (VocObject object : annotation.objects()) {
            writeObject(xml, object);
        }
        xml.append("</annotation>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeObject(StringBuilder xml, VocObject object) {
        xml.append("\t<object>\n");
        element(xml, 2, "name", object.name());
        Node attributes = tree(object.attributes());
        Node pose = attributes.children.remove(new Key("pose", -1));
        if (pose != null) {
            element(xml, 2, "pose", pose.text);
        }
        element(xml, 2, "truncated", object.truncated() ? "1" : "0");
        element(xml, 2, "difficult", object.difficult() ? "1" : "0");
        double[] corners = VocNumbers.corners(object.box());
        xml.append("\t\t<bndbox>\n");
        element(xml, 3, "xmin", VocNumbers.format(corners[0]));
        element(xml, 3, "ymin", VocNumbers.format(corners[1]));
        element(xml, 3, "xmax", VocNumbers.format(corners[2]));
        element(xml, 3, "ymax", VocNumbers.format(corners[3]));
        xml.append("\t\t</bndbox>\n");
        writeChildren(xml, 2, attributes);
        xml.append("\t</object>\n");
    }

    private static void writeChildren(StringBuilder xml, int depth, Node node) {
        for (Map.Entry<Key, Node> entry : node.children.entrySet()) {
            Node child = entry.getValue();
            String tag = entry.getKey().name();
            if (child.children.isEmpty()) {
                element(xml, depth, tag, child.text);
            } else {
                xml.append("\t".repeat(depth)).append('<').append(tag).append(">\n");
                writeChildren(xml, depth + 1, child);
                xml.append("\t".repeat(depth)).append("</").append(tag).append(">\n");
            }
        }
    }

    /** Builds the element tree from attribute paths; a path that is not a valid element name is logged and left out. */
    private static Node tree(Map<String, String> attributes) {
        Node root = new Node();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            List<Key> keys = parsePath(attribute.getKey());
            if (keys == null) {
                LOG.warn("Attribute '{}' is not a valid XML element path; it is left out of the VOC file", attribute.getKey());
                continue;
            }
            Node node = root;
            for (Key key : keys) {
                node = node.children.computeIfAbsent(key, k -> new Node());
            }
            node.text = attribute.getValue();
        }
        return root;
    }

    private static List<Key> parsePath(String path) {
        List<Key> keys = new ArrayList<>();
        for (String segment : path.split("\\.(?=[A-Za-z_])")) {
            Matcher matcher = SEGMENT.matcher(segment);
            if (!matcher.matches() || !XML_NAME.matcher(matcher.group(1)).matches()) {
                return null;
            }
            keys.add(new Key(matcher.group(1), matcher.group(2) == null ? -1 : Integer.parseInt(matcher.group(2))));
        }
        return keys;
    }

    private static void element(StringBuilder xml, int depth, String tag, String text) {
        xml.append("\t".repeat(depth)).append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An element name and its position among siblings of that name (-1 when it has none). */
    private record Key(String name, int index) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::name).thenComparingInt(Key::index);
    }

    private static final class Node {
        final Map<Key, Node> children = new TreeMap<>(Key.ORDER);
        String text = "";
    }
}
