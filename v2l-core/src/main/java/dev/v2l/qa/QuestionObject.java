package dev.v2l.qa;

/**
 * An object a question is about: its label, the scene instance (null for category-level roles such as appearance
 * order), and its role in the question ({@code a}, {@code b}, {@code target}, {@code choice}, {@code standing}…).
 */
public record QuestionObject(String label, String instanceId, String role) {
}
