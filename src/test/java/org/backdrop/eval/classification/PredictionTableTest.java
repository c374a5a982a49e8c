package org.backdrop.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading hand-written predictions.csv files: values, quoting as RFC 4180 writes it, and errors that name the line. */
class PredictionTableTest {

    private static final String HEADER = "model,dataset,sample_id,true_class,true_name,predicted_class,predicted_name,correct\n";

    @TempDir
    Path folder;

    @Test
    void readsRowsInFileOrder() throws IOException {
        Path file = write(HEADER
                + "net.onnx,original,cat/1,3,cat,3,cat,1\n"
                + "net.onnx,original,ship/2,8,ship,3,cat,0\n"
                + "net.onnx,red,cat/1,3,cat,5,dog,0\n"
                + "net.onnx,red,ship/2,8,ship,8,ship,1\n");

        PredictionTable table = PredictionTable.read(file);

        assertEquals(List.of(new Prediction("cat/1", 3, 3), new Prediction("ship/2", 8, 3)), table.predictions("net.onnx", "original"));
        assertEquals(List.of(new Prediction("cat/1", 3, 5), new Prediction("ship/2", 8, 8)), table.predictions("net.onnx", "red"));
        assertEquals(List.of(), table.predictions("other.onnx", "red"));
        assertEquals(Map.of("net.onnx", List.of("original", "red")), table.datasetsByModel());
        assertEquals("dog", table.rows().get(2).predictedName());
        assertEquals("cat", table.rows().get(2).trueName());
    }

    @Test
    void quotedValuesKeepCommasQuotesAndLineBreaks() throws IOException {
        Path file = write(HEADER
                + "net.onnx,\"a, b\",\"say \"\"hi\"\"\",0,\"x\ny\",1,,0\r\n"
                + "\n"
                + "net.onnx,\"a, b\",plain,1,,1,,1\n");

        PredictionTable table = PredictionTable.read(file);

        assertEquals(List.of(new Prediction("say \"hi\"", 0, 1), new Prediction("plain", 1, 1)), table.predictions("net.onnx", "a, b"));
        assertEquals("x\ny", table.rows().get(0).trueName());
        assertEquals("", table.rows().get(0).predictedName());
    }

    @Test
    void otherHeaderIsRejected() throws IOException {
        Path file = write("dataset,samples,correct,accuracy\noriginal,2,1,0.5\n");

        IOException error = assertThrows(IOException.class, () -> PredictionTable.read(file));

        assertEquals(file + ": line 1: expected the header " + HEADER.strip() + ", found dataset,samples,correct,accuracy; is this a"
                + " predictions.csv that eval-cls --out wrote?", error.getMessage());
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("");

        IOException error = assertThrows(IOException.class, () -> PredictionTable.read(file));

        assertEquals(file + ": line 1: expected the header " + HEADER.strip() + ", found an empty file; is this a"
                + " predictions.csv that eval-cls --out wrote?", error.getMessage());
    }

    @Test
    void badRowsNameTheirLine() throws IOException {
        assertError(HEADER + "net.onnx,original,a,1,b,1,b,1\nnet.onnx,original,c,1,b\n", "line 3: expected 8 values, found 5");
        assertError(HEADER + "net.onnx,original,a,one,b,1,b,1\n", "line 2: true_class must be a class index (0 or more), found \"one\"");
        assertError(HEADER + "net.onnx,original,a,1,b,-1,b,0\n", "line 2: predicted_class must be a class index (0 or more), found \"-1\"");
        assertError(HEADER + "net.onnx,original,a,1,b,2,c,1\n",
                "line 2: correct is \"1\" but the classes are 1 and 2; the file was changed after eval-cls wrote it");
        // The quoted value on line 2 spans line 3, so the next record starts on line 4.
        assertError(HEADER + "net.onnx,original,\"a\nb\",1,x,1,x,1\nnet.onnx,original,c,1,x,1,x,yes\n",
                "line 4: correct is \"yes\" but the classes are 1 and 1; the file was changed after eval-cls wrote it");
        assertError(HEADER + "net.onnx,original,\"a,1,b,1,b,1\n", "line 2: a quoted value is not closed before the end of the file");
    }

    private void assertError(String text, String message) throws IOException {
        Path file = write(text);
        IOException error = assertThrows(IOException.class, () -> PredictionTable.read(file));
        assertEquals(file + ": " + message, error.getMessage());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("predictions.csv"), text);
    }
}
