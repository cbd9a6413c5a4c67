package dev.v2l.detect;

import java.awt.image.BufferedImage;

/**
 * The model's input from an image: stretched (not letterboxed) to the input size, as MediaPipe's
 * {@code ImageTransformationCalculator} and the TF Object Detection API's {@code fixed_shape_resizer} do; RGB; each
 * channel mapped from 0–255 to −1…1 ({@code v / 127.5 − 1}, MediaPipe's {@code TfLiteConverterCalculator} with
 * {@code zero_center}, the range the model's {@code normalized_input_image_tensor} expects). Resampling is separable:
 * area-weighted where the image shrinks along an axis (no aliasing on large photos), bilinear with pixel centres at
 * +0.5 where it grows.
 */
final class InputTensor {

    private InputTensor() {
    }

    /** Row-major height × width × 3 floats. */
    static float[] of(BufferedImage img, int width, int height) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        Weights wx = Weights.of(w, width);
        Weights wy = Weights.of(h, height);
        // Horizontal pass: h rows × width columns × 3.
        float[] tmp = new float[h * width * 3];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = wx.start[x]; k < wx.start[x + 1]; k++) {
                    int p = argb[row + wx.index[k]];
                    float f = wx.weight[k];
                    r += f * ((p >> 16) & 0xFF);
                    g += f * ((p >> 8) & 0xFF);
                    b += f * (p & 0xFF);
                }
                int o = (y * width + x) * 3;
                tmp[o] = r;
                tmp[o + 1] = g;
                tmp[o + 2] = b;
            }
        }
        float[] out = new float[height * width * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = wy.start[y]; k < wy.start[y + 1]; k++) {
                    int o = (wy.index[k] * width + x) * 3;
                    float f = wy.weight[k];
                    r += f * tmp[o];
                    g += f * tmp[o + 1];
                    b += f * tmp[o + 2];
                }
                int o = (y * width + x) * 3;
                out[o] = r / 127.5f - 1;
                out[o + 1] = g / 127.5f - 1;
                out[o + 2] = b / 127.5f - 1;
            }
        }
        return out;
    }

    /** Sparse 1-D resampling weights: output i takes {@code weight[k] · in[index[k]]} for k in start[i]..start[i+1]. */
    record Weights(int[] start, int[] index, float[] weight) {
        static Weights of(int in, int out) {
            double scale = (double) in / out;
            int cap = out * ((int) Math.ceil(scale) + 2);
            int[] start = new int[out + 1];
            int[] index = new int[cap];
            float[] weight = new float[cap];
            int k = 0;
            for (int i = 0; i < out; i++) {
                start[i] = k;
                if (scale > 1) {
                    // Area: output pixel i covers input [i·s, (i+1)·s).
                    double a = i * scale;
                    double b = (i + 1) * scale;
                    for (int j = (int) Math.floor(a); j < Math.min(in, (int) Math.ceil(b)); j++) {
                        double cover = Math.min(b, j + 1) - Math.max(a, j);
                        if (cover > 0) {
                            index[k] = j;
                            weight[k++] = (float) (cover / scale);
                        }
                    }
                } else {
                    // Bilinear, pixel centres at +0.5, edges clamped.
                    double c = (i + 0.5) * scale - 0.5;
                    int j0 = (int) Math.floor(c);
                    double f = c - j0;
                    index[k] = Math.max(0, Math.min(in - 1, j0));
                    weight[k++] = (float) (1 - f);
                    index[k] = Math.max(0, Math.min(in - 1, j0 + 1));
                    weight[k++] = (float) f;
                }
            }
            start[out] = k;
            return new Weights(start, index, weight);
        }
    }
}
