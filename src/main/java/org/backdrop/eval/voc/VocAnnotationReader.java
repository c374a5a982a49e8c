package org.backdrop.eval.voc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.backdrop.eval.EvaluationInputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads PASCAL VOC annotation files ({@code Annotations/<image>.xml}) and image set files
 * ({@code ImageSets/Main/test.txt}) for evaluation.
 *
 * <p>XML is parsed with DOCTYPE declarations rejected, so neither external entities nor entity
 * expansion can reach the file system or the network. Coordinates may be fractional; a missing
 * {@code difficult} element means 0.
 */
public final class VocAnnotationReader {

    private VocAnnotationReader() {}

    /**
     * Reads an image set file: one image id per line, the first word of each line; blank lines are
     * skipped.
     *
     * @throws IOException if the file cannot be read
     */
    public static List<String> readImageSet(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                ids.add(trimmed.split("\\s+", 2)[0]);
            }
        }
        return ids;
    }

    /**
     * Reads {@code <annotations>/<id>.xml} for every image id, keeping image set order.
     *
     * @throws IOException if a file cannot be read
     * @throws EvaluationInputException if a file is missing or is not a valid VOC annotation; the
     *     message names the file and the object
     */
    public static Map<String, List<VocObject>> readAll(Path annotations, List<String> imageIds) throws IOException {
        DocumentBuilder builder = secureBuilder();
        Map<String, List<VocObject>> objects = new LinkedHashMap<>();
        for (String id : imageIds) {
            Path file = annotations.resolve(id + ".xml");
            if (!file.normalize().startsWith(annotations.normalize())) {
                throw new EvaluationInputException("image id " + id + " points outside " + annotations + "; image ids are file names without folders");
            }
            objects.put(id, read(builder, file));
        }
        return objects;
    }

    /**
     * Reads the objects of one annotation file.
     *
     * @throws IOException if the file cannot be read
     * @throws EvaluationInputException if the file is missing or is not a valid VOC annotation
     */
    public static List<VocObject> read(Path file) throws IOException {
        return read(secureBuilder(), file);
    }

    private static List<VocObject> read(DocumentBuilder builder, Path file) throws IOException {
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            root = builder.parse(in).getDocumentElement();
        } catch (NoSuchFileException e) {
            throw new EvaluationInputException(file + ": annotation file not found; every image of the image set needs one", e);
        } catch (SAXException e) {
            throw new EvaluationInputException(file + ": invalid XML: " + e.getMessage(), e);
        }
        List<VocObject> objects = new ArrayList<>();
        int index = 0;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("object")) {
                objects.add(readObject(file, index, element));
                index++;
            }
        }
        return objects;
    }

    private static VocObject readObject(Path file, int index, Element object) {
        String where = file + ": object " + (index + 1);
        String name = childText(object, "name");
        if (name == null || name.isEmpty()) {
            throw new EvaluationInputException(where + " has no <name>");
        }
        Element box = child(object, "bndbox");
        if (box == null) {
            throw new EvaluationInputException(where + " (" + name + ") has no <bndbox>");
        }
        double xmin = coordinate(where, box, "xmin");
        double ymin = coordinate(where, box, "ymin");
        double xmax = coordinate(where, box, "xmax");
        double ymax = coordinate(where, box, "ymax");
        String difficult = childText(object, "difficult");
        boolean isDifficult = difficult != null && !difficult.isEmpty() && flag(where, difficult);
        return new VocObject(name, xmin, ymin, xmax, ymax, isDifficult);
    }

    private static boolean flag(String where, String text) {
        try {
            return Double.parseDouble(text) != 0;
        } catch (NumberFormatException e) {
            throw new EvaluationInputException(where + ": <difficult> is \"" + text + "\"; it must be 0 or 1", e);
        }
    }

    private static double coordinate(String where, Element box, String tag) {
        String text = childText(box, tag);
        if (text == null) {
            throw new EvaluationInputException(where + ": <bndbox> has no <" + tag + ">");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EvaluationInputException(where + ": <" + tag + "> is \"" + text + "\"; coordinates must be numbers", e);
        }
        if (!Double.isFinite(value)) {
            throw new EvaluationInputException(where + ": <" + tag + "> is \"" + text + "\"; coordinates must be finite");
        }
        return value;
    }

    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String tag) {
        Element element = child(parent, tag);
        return element == null ? null : element.getTextContent().strip();
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // Warnings do not make a file unusable.
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser does not support secure processing", e);
        }
    }
}
