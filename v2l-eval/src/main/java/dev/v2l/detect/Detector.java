package dev.v2l.detect;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterAllocateTensors;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterCreate;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterDelete;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterGetInputTensor;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterGetInputTensorCount;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterGetOutputTensor;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterGetOutputTensorCount;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterInvoke;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterOptionsCreate;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterOptionsDelete;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteInterpreterOptionsSetNumThreads;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteModelCreate;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteModelDelete;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorByteSize;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorCopyFromBuffer;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorCopyToBuffer;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorDim;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorName;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorNumDims;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorType;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteVersion;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.tensorflowlite.TfLiteInterpreter;
import org.bytedeco.tensorflowlite.TfLiteInterpreterOptions;
import org.bytedeco.tensorflowlite.TfLiteModel;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * The Objectron SSD on TensorFlow Lite (bytedeco's build, CPU): an image in, detections out (see {@link InputTensor}
 * for the input, {@link SsdAnchors} and {@link SsdDecoder} for the output). The model is loaded once; calls from
 * several threads run on a pool of interpreters sharing it (one per thread at most {@code interpreters}), each
 * single-threaded, so N threads keep N cores busy. Close it after the last call has returned.
 */
public final class Detector implements AutoCloseable {

    /** What the model's tensors say: input size, box count, class count, and the tensor names. */
    public record Signature(String input, int inputHeight, int inputWidth, String boxes, String scores, int anchors,
            int classes) {
    }

    private final BytePointer modelBytes;
    private final TfLiteModel model;
    private final List<String> labels;
    private final SsdAnchors anchors;
    private final Signature signature;
    private final int maxInterpreters;
    private final BlockingQueue<Interpreter> idle;
    private final List<Interpreter> all = new ArrayList<>();
    private boolean closed;

    private Detector(byte[] tflite, List<String> labels, int maxInterpreters) throws IOException {
        if (maxInterpreters < 1) {
            throw new IllegalArgumentException("interpreters must be at least 1, got " + maxInterpreters);
        }
        this.labels = List.copyOf(labels);
        this.maxInterpreters = maxInterpreters;
        this.idle = new ArrayBlockingQueue<>(maxInterpreters);
        // The model reads the buffer for its whole life: it is freed in close().
        modelBytes = new BytePointer(tflite.length);
        modelBytes.put(tflite);
        model = TfLiteModelCreate(modelBytes, tflite.length);
        if (model == null || model.isNull()) {
            modelBytes.close();
            throw new IOException("TensorFlow Lite could not read the detector model (" + tflite.length + " bytes)");
        }
        Interpreter first = new Interpreter();
        all.add(first);
        signature = first.signature(labels.size());
        anchors = SsdAnchors.generate(SsdAnchors.OBJECTRON);
        if (anchors.size() != signature.anchors()) {
            close();
            throw new IOException("the detector model predicts " + signature.anchors() + " boxes, the anchor "
                    + "generator gives " + anchors.size());
        }
        idle.add(first);
    }

    private static Detector shared;

    /**
     * One detector for the whole process (one interpreter per processor), for callers that do not manage their own
     * (the {@code objectron} model, the demo's realism figure). Never closed: it lives as long as the JVM.
     */
    public static synchronized Detector shared() throws IOException {
        if (shared == null) {
            shared = objectron();
        }
        return shared;
    }

    /** The committed Objectron SSD with up to one interpreter per processor. */
    public static Detector objectron() throws IOException {
        return objectron(Runtime.getRuntime().availableProcessors());
    }

    public static Detector objectron(int interpreters) throws IOException {
        return new Detector(ObjectronAssets.model(), ObjectronAssets.labels(), interpreters);
    }

    /** The label map (index 0: background). */
    public List<String> labels() {
        return labels;
    }

    public Signature signature() {
        return signature;
    }

    /** The TensorFlow Lite runtime's version. */
    public static String runtimeVersion() {
        return TfLiteVersion().getString();
    }

    /** Detections in the image's pixels, best first. Thread-safe. */
    public List<Detection> detect(BufferedImage image, SsdDecoder.Settings settings) {
        float[][] outputs = rawOutputs(image);
        List<SsdDecoder.Raw> raw = SsdDecoder.decode(outputs[0], outputs[1], signature.classes(), anchors, settings);
        List<Detection> out = new ArrayList<>(raw.size());
        int w = image.getWidth();
        int h = image.getHeight();
        for (SsdDecoder.Raw r : raw) {
            SsdDecoder.Box b = r.box();
            out.add(new Detection(labels.get(r.classIndex()), r.classIndex(), r.score(), new PixelBox(b.xmin() * w,
                    b.ymin() * h, b.xmax() * w, b.ymax() * h)));
        }
        return out;
    }

    /** The raw outputs for one image (box codes, class logits), for tests of the decoding. */
    float[][] rawOutputs(BufferedImage image) {
        float[] input = InputTensor.of(image, signature.inputWidth(), signature.inputHeight());
        float[] codes = new float[signature.anchors() * 4];
        float[] logits = new float[signature.anchors() * signature.classes()];
        Interpreter it = acquire();
        try {
            it.run(input, codes, logits);
        } finally {
            idle.add(it);
        }
        return new float[][] {codes, logits};
    }

    SsdAnchors anchors() {
        return anchors;
    }

    private Interpreter acquire() {
        Interpreter it = idle.poll();
        if (it != null) {
            return it;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the detector is closed");
            }
            if (all.size() < maxInterpreters) {
                Interpreter fresh = new Interpreter();
                all.add(fresh);
                return fresh;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a detector interpreter", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Interpreter it : all) {
            it.close();
        }
        all.clear();
        idle.clear();
        TfLiteModelDelete(model);
        modelBytes.close();
    }

    /** One single-threaded interpreter with its tensors allocated and its native buffers for input and outputs. */
    private final class Interpreter {
        private final TfLiteInterpreter interpreter;
        private final FloatPointer in;
        private FloatPointer boxes;
        private FloatPointer scores;
        private int boxesIndex = -1;
        private int scoresIndex = -1;

        Interpreter() {
            TfLiteInterpreterOptions o = TfLiteInterpreterOptionsCreate();
            TfLiteInterpreterOptionsSetNumThreads(o, 1);
            interpreter = TfLiteInterpreterCreate(model, o);
            TfLiteInterpreterOptionsDelete(o);
            if (interpreter == null || interpreter.isNull()) {
                throw new IllegalStateException("TensorFlow Lite could not create an interpreter for the detector");
            }
            if (TfLiteInterpreterAllocateTensors(interpreter) != kTfLiteOk) {
                throw new IllegalStateException("TensorFlow Lite could not allocate the detector's tensors");
            }
            in = new FloatPointer(TfLiteTensorByteSize(TfLiteInterpreterGetInputTensor(interpreter, 0)) / 4);
            if (signature != null) {
                bindOutputs();
            }
        }

        /** Reads and checks the tensor shapes: [1, H, W, 3] in, [1, N, 4] and [1, N, classes] out, all float32. */
        Signature signature(int classes) throws IOException {
            if (TfLiteInterpreterGetInputTensorCount(interpreter) != 1
                    || TfLiteInterpreterGetOutputTensorCount(interpreter) != 2) {
                throw new IOException("the detector model should have 1 input and 2 outputs (box encodings, class "
                        + "predictions), it has " + TfLiteInterpreterGetInputTensorCount(interpreter) + " and "
                        + TfLiteInterpreterGetOutputTensorCount(interpreter));
            }
            TfLiteTensor input = TfLiteInterpreterGetInputTensor(interpreter, 0);
            int[] id = dims(input);
            if (TfLiteTensorType(input) != kTfLiteFloat32 || id.length != 4 || id[0] != 1 || id[3] != 3) {
                throw new IOException("the detector's input should be float32 [1, H, W, 3], it is type "
                        + TfLiteTensorType(input) + " " + Arrays.toString(id));
            }
            int[] d0 = dims(TfLiteInterpreterGetOutputTensor(interpreter, 0));
            int[] d1 = dims(TfLiteInterpreterGetOutputTensor(interpreter, 1));
            boxesIndex = d0.length == 3 && d0[2] == 4 ? 0 : 1;
            scoresIndex = 1 - boxesIndex;
            TfLiteTensor bt = TfLiteInterpreterGetOutputTensor(interpreter, boxesIndex);
            TfLiteTensor st = TfLiteInterpreterGetOutputTensor(interpreter, scoresIndex);
            int[] bd = dims(bt);
            int[] sd = dims(st);
            if (bd.length != 3 || sd.length != 3 || bd[2] != 4 || bd[1] != sd[1] || sd[2] != classes
                    || TfLiteTensorType(bt) != kTfLiteFloat32 || TfLiteTensorType(st) != kTfLiteFloat32) {
                throw new IOException("the detector's outputs should be float32 [1, N, 4] box encodings and [1, N, "
                        + classes + "] class logits (" + classes + " labels in the label map), they are "
                        + Arrays.toString(d0) + " and " + Arrays.toString(d1));
            }
            Signature s = new Signature(TfLiteTensorName(input).getString(), id[1], id[2],
                    TfLiteTensorName(bt).getString(), TfLiteTensorName(st).getString(), bd[1], classes);
            bindOutputs(s);
            return s;
        }

        private void bindOutputs() {
            int[] d0 = dims(TfLiteInterpreterGetOutputTensor(interpreter, 0));
            boxesIndex = d0.length == 3 && d0[2] == 4 ? 0 : 1;
            scoresIndex = 1 - boxesIndex;
            bindOutputs(signature);
        }

        private void bindOutputs(Signature s) {
            boxes = new FloatPointer((long) s.anchors() * 4);
            scores = new FloatPointer((long) s.anchors() * s.classes());
        }

        void run(float[] input, float[] codes, float[] logits) {
            in.put(input);
            check(TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(interpreter, 0), in, 4L * input.length),
                    "copy the input");
            check(TfLiteInterpreterInvoke(interpreter), "run the model");
            check(TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(interpreter, boxesIndex), boxes,
                    4L * codes.length), "read the box encodings");
            check(TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(interpreter, scoresIndex), scores,
                    4L * logits.length), "read the class predictions");
            boxes.get(codes);
            scores.get(logits);
        }

        private void check(int status, String what) {
            if (status != kTfLiteOk) {
                throw new IllegalStateException("TensorFlow Lite failed to " + what + " (status " + status + ")");
            }
        }

        void close() {
            TfLiteInterpreterDelete(interpreter);
            in.close();
            if (boxes != null) {
                boxes.close();
                scores.close();
            }
        }
    }

    private static int[] dims(TfLiteTensor t) {
        int[] d = new int[TfLiteTensorNumDims(t)];
        for (int i = 0; i < d.length; i++) {
            d[i] = TfLiteTensorDim(t, i);
        }
        return d;
    }
}
