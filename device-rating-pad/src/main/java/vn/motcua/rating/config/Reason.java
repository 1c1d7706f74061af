package vn.motcua.rating.config;

/** One reason offered after an "unsatisfied" rating: the code sent to the district, its label and its button. */
public record Reason(String code, String label, String button) {
    /** The button's number as printed next to the label ({@code reason-2} is 2). */
    public String number() {
        return button.substring(button.lastIndexOf('-') + 1);
    }
}
