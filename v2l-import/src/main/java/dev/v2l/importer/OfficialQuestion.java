package dev.v2l.importer;

import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import java.util.List;

/**
 * One official benchmark question as the importer understood it: the official id, where the video is
 * ({@code dataset}, {@code scene}), the type, text, options and ground truth verbatim, whether the debiasing pruned it
 * (null when the file does not say), the objects recovered from the text, and where it came from.
 */
record OfficialQuestion(String id, String dataset, String scene, QuestionType type, String question,
        List<String> options, String groundTruth, Boolean pruned, List<QuestionObject> objects, String file,
        String location) {

    OfficialQuestion {
        options = List.copyOf(options);
        objects = List.copyOf(objects);
    }

    String videoKey() {
        return dataset + "/" + scene;
    }
}
