package org.backdrop.dataset.cifar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes by hand (protocol 2, as Python 2's cPickle wrote the official CIFAR-10
 * python batches), so tests can build tiny batches and hostile pickles without Python.
 */
final class TinyPickle {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Returns a CIFAR-10 python batch: {'batch_label': ..., 'labels': [...], 'data': uint8 array N x 3072}. */
    static byte[] cifarBatch(int[] labels, byte[] planes) {
        TinyPickle pickle = new TinyPickle().op(0x80).op(2).op('}').op('(');
        pickle.str("batch_label").str("tiny batch");
        pickle.str("labels").op(']').op('(');
        for (int label : labels) {
            pickle.op('K').op(label);
        }
        pickle.op('e');
        pickle.str("data").uint8Array(labels.length, 3072, planes);
        return pickle.op('u').op('.').toBytes();
    }

    /** Returns a protocol 2 pickle of {@code {'label_names': [names...]}}. */
    static byte[] meta(String... names) {
        TinyPickle pickle = new TinyPickle().op(0x80).op(2).op('}').op('(');
        pickle.str("label_names").op(']').op('(');
        for (String name : names) {
            pickle.str(name);
        }
        return pickle.op('e').op('u').op('.').toBytes();
    }

    /** Appends numpy's pickle of a C-ordered uint8 array of {@code rows x columns}. */
    TinyPickle uint8Array(int rows, int columns, byte[] raw) {
        global("numpy.core.multiarray", "_reconstruct").global("numpy", "ndarray");
        op('K').op(0).op(0x85).str("b").op(0x87).op('R');
        op('(').op('K').op(1);
        op('M').short16(rows).op('M').short16(columns).op(0x86);
        global("numpy", "dtype").unicode("u1").op(0x89).op(0x88).op(0x87).op('R');
        op('(').op('K').op(3).unicode("|").op('N').op('N').op('N').op('J').int32(-1).op('J').int32(-1).op('K').op(0).op('t').op('b');
        op(0x89);
        op('T').int32(raw.length);
        bytes.writeBytes(raw);
        return op('t').op('b');
    }

    /** Appends GLOBAL module.name. */
    TinyPickle global(String module, String name) {
        op('c');
        bytes.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Appends a Python 2 byte string (SHORT_BINSTRING). */
    TinyPickle str(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
        op('U').op(encoded.length);
        bytes.writeBytes(encoded);
        return this;
    }

    /** Appends a unicode string (BINUNICODE). */
    TinyPickle unicode(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        op('X').int32(encoded.length);
        bytes.writeBytes(encoded);
        return this;
    }

    TinyPickle op(int code) {
        bytes.write(code);
        return this;
    }

    TinyPickle int32(int value) {
        for (int i = 0; i < 4; i++) {
            bytes.write(value >> (8 * i));
        }
        return this;
    }

    TinyPickle short16(int value) {
        bytes.write(value);
        bytes.write(value >> 8);
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }
}
