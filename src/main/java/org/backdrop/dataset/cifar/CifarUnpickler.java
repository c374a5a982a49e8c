package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * An unpickler that accepts only what CIFAR-10 python batches contain: dictionaries, lists,
 * numbers, strings and integer numpy arrays.
 *
 * <p>A pickle is a program, so every global it names is checked against a short list (numpy's
 * array reconstruction, {@code numpy.dtype}, numpy scalars and {@code _codecs.encode}, which
 * Python 3 uses to pickle bytes with protocol 2). Any other global, and the opcodes that create
 * arbitrary objects ({@code INST}, {@code OBJ}, {@code NEWOBJ}, persistent ids, extensions), is
 * rejected with a {@link PickleException}. Python 2 byte strings come back as {@code byte[]}.
 * Byte strings longer than the file are rejected before any memory is allocated for them.
 */
final class CifarUnpickler extends Unpickler {

    private static final IObjectConstructor NDARRAY = args -> {
        throw new PickleException("numpy.ndarray(...) cannot be called directly in a CIFAR-10 batch");
    };

    private static final IObjectConstructor RECONSTRUCT = args -> {
        if (args.length < 1 || args[0] != NDARRAY) {
            throw new PickleException("numpy _reconstruct must rebuild a numpy.ndarray");
        }
        return new NumpyArray();
    };

    private static final IObjectConstructor DTYPE = args -> NumpyDtype.parse(args.length > 0 ? PickleBytes.toText(args[0]) : null);

    private static final IObjectConstructor SCALAR = args -> {
        if (args.length != 2 || !(args[0] instanceof NumpyDtype dtype)) {
            throw new PickleException("numpy scalar needs a dtype and its bytes");
        }
        byte[] bytes = PickleBytes.toBytes(args[1]);
        if (bytes.length != dtype.itemSize()) {
            throw new PickleException("numpy scalar of dtype " + dtype + " needs " + dtype.itemSize() + " bytes, got " + bytes.length);
        }
        return dtype.read(bytes, 0);
    };

    private static final IObjectConstructor CODECS_ENCODE = args -> {
        if (args.length != 2 || !(args[1] instanceof String encoding) || !encoding.replace("-", "").equalsIgnoreCase("latin1")) {
            throw new PickleException("_codecs.encode is allowed only with the latin1 encoding that Python uses for bytes");
        }
        return PickleBytes.toBytes(PickleBytes.toText(args[0]));
    };

    private static final Map<String, IObjectConstructor> ALLOWED_GLOBALS = Map.of(
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.ndarray", NDARRAY,
            "numpy.dtype", DTYPE,
            "numpy.core.multiarray.scalar", SCALAR,
            "numpy._core.multiarray.scalar", SCALAR,
            "_codecs.encode", CODECS_ENCODE);

    private final long maxLength;

    /** Creates an unpickler for a file of {@code fileLength} bytes; no byte string may be longer. */
    CifarUnpickler(long fileLength) {
        this.maxLength = fileLength;
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(allowedGlobal(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                String name = PickleBytes.toText(stack.pop());
                String module = PickleBytes.toText(stack.pop());
                stack.add(allowedGlobal(module, name));
            }
            case Opcodes.BUILD -> build();
            case Opcodes.SHORT_BINSTRING, Opcodes.SHORT_BINBYTES -> stack.add(readCounted(1));
            case Opcodes.BINSTRING, Opcodes.BINBYTES -> stack.add(readCounted(4));
            case Opcodes.BINBYTES8 -> stack.add(readCounted(8));
            case Opcodes.BINUNICODE -> stack.add(new String(readCounted(4), StandardCharsets.UTF_8));
            case Opcodes.BINUNICODE8 -> stack.add(new String(readCounted(8), StandardCharsets.UTF_8));
            case Opcodes.INST, Opcodes.OBJ, Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX, Opcodes.PERSID, Opcodes.BINPERSID,
                    Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4, Opcodes.BYTEARRAY8, Opcodes.NEXT_BUFFER, Opcodes.READONLY_BUFFER ->
                    throw new PickleException("pickle opcode 0x" + Integer.toHexString(key)
                            + " is not allowed in a CIFAR-10 batch; it creates objects that CIFAR-10 files never contain");
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    private static IObjectConstructor allowedGlobal(String module, String name) {
        IObjectConstructor constructor = ALLOWED_GLOBALS.get(module + "." + name);
        if (constructor == null) {
            throw new PickleException("the pickle refers to '" + module + "." + name + "', which a CIFAR-10 batch never"
                    + " contains; only numpy arrays, lists, dicts, numbers and strings are accepted, because unpickling"
                    + " other objects can run code");
        }
        return constructor;
    }

    private void build() {
        Object state = stack.pop();
        Object target = stack.peek();
        if (!(state instanceof Object[] tuple)) {
            throw new PickleException("BUILD state must be a tuple in a CIFAR-10 batch");
        }
        if (target instanceof NumpyArray array) {
            array.setState(tuple);
        } else if (target instanceof NumpyDtype dtype) {
            dtype.setState(tuple);
        } else {
            throw new PickleException("BUILD is allowed only on numpy arrays and dtypes in a CIFAR-10 batch");
        }
    }

    /** Reads a little-endian length of {@code lengthBytes} bytes, then that many bytes. */
    private byte[] readCounted(int lengthBytes) throws IOException {
        byte[] header = PickleUtils.readbytes(input, lengthBytes);
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length |= (long) (header[i] & 0xFF) << (8 * i);
        }
        if (lengthBytes == 4) {
            length = (int) length;
        }
        if (length < 0 || length > maxLength) {
            throw new PickleException("a byte string claims " + length + " bytes, more than the whole file (" + maxLength
                    + " bytes); the file is damaged");
        }
        return PickleUtils.readbytes(input, (int) length);
    }
}
