import SnapgateYAML
import Testing

/// Texts handed out as shared literals read exactly like any other text, and so do their near misses.
@Test(arguments: [
    "appstudio.redhat.com/v1alpha1",  // a common text
    "appstudio.redhat.com/v1alpha2",  // same length, last byte differs
    "bppstudio.redhat.com/v1alpha1",  // same length, first byte differs
    "appstudio.openshift.io/component",
])
func commonTextsReadAsWritten(_ text: String) {
    let root = YAMLParser.parse(Array("k: \(text)\n".utf8)).documents.first?.root
    #expect(root?["k"]?.string == text)
    #expect(root?["k"]?.string?.utf8.elementsEqual(text.utf8) == true)
}
