package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocXmlWriterTest {

    @TempDir
    Path folder;

    private VocAnnotationFile roundTrip(VocAnnotationFile annotation) throws Exception {
        Path file = Files.write(folder.resolve("a.xml"), VocXmlWriter.write(annotation));
        return new VocXml().parse(file);
    }

    @Test
    void nestedAttributesReadBack() throws Exception {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("pose", "Left");
        attributes.put("occluded", "1");
        attributes.put("actions.phoning", "1");
        for (int i = 0; i < 12; i++) {
            attributes.put("part[" + i + "].name", "part" + i);
            attributes.put("part[" + i + "].bndbox.xmin", Integer.toString(i));
        }
        VocObject person = new VocObject("person", BoundingBox.fromVoc(1, 2, 30, 40), true, false, attributes);

        VocAnnotationFile copy = roundTrip(new VocAnnotationFile("a.jpg", 50, 60, false, List.of(person)));

        assertEquals(person, copy.objects().get(0));
    }

    @Test
    void sizeAndFileNameReadBack() throws Exception {
        VocAnnotationFile annotation = new VocAnnotationFile("x & y.jpg", 50, 60, true, List.of());

        assertEquals(annotation, roundTrip(annotation));
    }

    @Test
    void invalidAttributeNameIsLeftOut() throws Exception {
        VocObject dog = new VocObject("dog", BoundingBox.fromVoc(1, 1, 5, 5), false, false, Map.of("bad key!", "x", "pose", "Left"));

        VocAnnotationFile copy = roundTrip(new VocAnnotationFile("a.jpg", 10, 10, false, List.of(dog)));

        assertEquals(Map.of("pose", "Left"), copy.objects().get(0).attributes());
    }

    @Test
    void devkitElementOrder() throws Exception {
        VocObject dog = new VocObject("dog", BoundingBox.fromVoc(48, 40, 195, 171), false, true, Map.of("pose", "Unspecified"));

        String xml = new String(VocXmlWriter.write(new VocAnnotationFile("a.jpg", 320, 240, false, List.of(dog))));

        assertTrue(xml.contains("<name>dog</name>\n\t\t<pose>Unspecified</pose>\n\t\t<truncated>1</truncated>\n\t\t<difficult>0</difficult>\n"
                + "\t\t<bndbox>\n\t\t\t<xmin>48</xmin>\n\t\t\t<ymin>40</ymin>\n\t\t\t<xmax>195</xmax>\n\t\t\t<ymax>171</ymax>"), xml);
    }
}
