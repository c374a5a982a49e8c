package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocXmlTest {

    private final VocXml xml = new VocXml();

    @TempDir
    Path folder;

    @Test
    void singleObjectIsListOfOne() throws Exception {
        VocAnnotationFile annotation = xml.parse(SharedData.regressionCase("CV-01/one_object.xml"));

        assertEquals(1, annotation.objects().size());
        VocObject dog = annotation.objects().get(0);
        assertEquals("dog", dog.name());
        assertArrayEquals(new double[] {48, 40, 195, 171}, dog.box().toVoc());
        assertEquals("Unspecified", dog.attributes().get("pose"));
        assertFalse(dog.truncated());
        assertFalse(dog.difficult());
    }

    @Test
    void noObjectIsEmptyList() throws Exception {
        VocAnnotationFile annotation = xml.parse(SharedData.regressionCase("CV-01/no_object.xml"));

        assertEquals(0, annotation.objects().size());
        assertEquals(320, annotation.width());
        assertEquals(240, annotation.height());
    }

    @Test
    void twoObjectsKeepDifficultFlag() throws Exception {
        VocAnnotationFile annotation = xml.parse(SharedData.regressionCase("CV-01/two_objects.xml"));

        assertEquals(2, annotation.objects().size());
        assertFalse(annotation.objects().get(0).difficult());
        VocObject cat = annotation.objects().get(1);
        assertEquals("cat", cat.name());
        assertTrue(cat.difficult());
        assertArrayEquals(new double[] {200, 30, 300, 120}, cat.box().toVoc());
    }

    @Test
    void boxBecomesZeroBasedCorner() throws Exception {
        VocObject dog = xml.parse(SharedData.regressionCase("CV-01/one_object.xml")).objects().get(0);

        assertEquals(47, dog.box().x());
        assertEquals(39, dog.box().y());
        assertEquals(148, dog.box().width());
        assertEquals(132, dog.box().height());
    }

    @Test
    void nestedElementsBecomeAttributePaths() throws Exception {
        VocObject person = xml.parse(SharedData.fixture("voc/icevision_voc2012/Annotations/2011_003353.xml")).objects().get(0);

        assertEquals("1", person.attributes().get("actions.phoning"));
        assertEquals("0", person.attributes().get("actions.walking"));
        assertEquals("256", person.attributes().get("point.x"));
        assertEquals(45.70000076293945 - 1, person.box().y());
    }

    @Test
    void repeatedElementsAreNumbered() throws Exception {
        Path file = write("<annotation><object><name>person</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>9</xmax><ymax>9</ymax></bndbox>"
                + "<occluded>1</occluded><part><name>head</name></part><part><name>hand</name></part></object></annotation>");

        VocObject person = xml.parse(file).objects().get(0);

        assertEquals("1", person.attributes().get("occluded"));
        assertEquals("head", person.attributes().get("part[0].name"));
        assertEquals("hand", person.attributes().get("part[1].name"));
    }

    @Test
    void emptyFlagsAreFalse() throws Exception {
        VocObject person = xml.parse(SharedData.fixture("voc/labelme_voc_export/bbox_detection/Annotations/2011_000003.xml")).objects().get(0);

        assertFalse(person.truncated());
        assertFalse(person.difficult());
        assertEquals("", person.attributes().get("pose"));
    }

    @Test
    void doctypeIsRejected() throws Exception {
        Path file = write("<?xml version=\"1.0\"?>\n<!DOCTYPE annotation>\n<annotation><filename>a.jpg</filename></annotation>");

        VocXml.InvalidAnnotationException error = assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(file));

        assertTrue(error.getMessage().startsWith("declares a DOCTYPE"), error.getMessage());
    }

    @Test
    void externalEntityIsNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path general = write("<!DOCTYPE a [<!ENTITY e SYSTEM \"" + url + "e\">]><annotation><filename>&e;</filename></annotation>");
            Path parameter = write("<!DOCTYPE a [<!ENTITY % p SYSTEM \"" + url + "p\"> %p;]><annotation/>");
            Path dtd = write("<!DOCTYPE annotation SYSTEM \"" + url + "dtd\"><annotation/>");

            assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(general));
            assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(parameter));
            assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(dtd));
        } finally {
            server.stop(0);
        }

        assertEquals(0, requests.get());
    }

    @Test
    void fileEntityContentIsNotRead() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "do-not-read");
        Path file = write("<!DOCTYPE a [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><annotation><filename>&e;</filename></annotation>");

        VocXml.InvalidAnnotationException error = assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(file));

        assertFalse(error.getMessage().contains("do-not-read"), error.getMessage());
        assertTrue(error.getMessage().startsWith("declares a DOCTYPE"), error.getMessage());
    }

    @Test
    void parserStaysUsableAfterRejection() throws Exception {
        Path rejected = write("<!DOCTYPE annotation><annotation/>");
        Path broken = write("<annotation><filename>a.jpg</annotation>");
        Path good = write("<annotation><filename>a.jpg</filename></annotation>");

        assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(rejected));
        assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(broken));

        assertEquals("a.jpg", xml.parse(good).filename());
    }

    @Test
    void cornerThatIsNotNumberNamesObject() throws Exception {
        Path file = write("<annotation><object><name>dog</name><bndbox><xmin>a</xmin><ymin>1</ymin><xmax>9</xmax><ymax>9</ymax></bndbox>"
                + "</object></annotation>");

        VocXml.InvalidAnnotationException error = assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(file));

        assertTrue(error.getMessage().startsWith("object 1 (dog) has a <bndbox> corner that is not a number"), error.getMessage());
    }

    @Test
    void objectWithoutBoxIsRejected() throws Exception {
        Path file = write("<annotation><object><name>dog</name></object></annotation>");

        VocXml.InvalidAnnotationException error = assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(file));

        assertTrue(error.getMessage().startsWith("object 1 (dog) has no <bndbox>"), error.getMessage());
    }

    @Test
    void otherRootElementIsRejected() throws Exception {
        Path file = write("<svg/>");

        VocXml.InvalidAnnotationException error = assertThrows(VocXml.InvalidAnnotationException.class, () -> xml.parse(file));

        assertTrue(error.getMessage().contains("has root element <svg>"), error.getMessage());
    }

    private Path write(String content) throws Exception {
        return Files.writeString(Files.createTempFile(folder, "annotation", ".xml"), content);
    }
}
