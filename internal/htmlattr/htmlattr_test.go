package htmlattr

import "testing"

func TestFind(t *testing.T) {
	for _, c := range []struct {
		tag, name, want string
		ok              bool
	}{
		{`<a href="x.md">`, "href", "x.md", true},
		{`<a HREF='x.md'>`, "href", "x.md", true},
		{`<a href=x.md>`, "href", "x.md", true},
		{`<img src=a.png/>`, "src", "a.png", true},
		{`<img alt="src=b.png" src="a.png">`, "src", "a.png", true}, // a value holding the name is no attribute
		{`<a title="x" href = "y">`, "href", "y", true},
		{`<a name="top">`, "href", "", false},
		{`<a href="">`, "href", "", false},
		{`<a href="unclosed>`, "href", "", false},
		{`<a disabled href="z">`, "href", "z", true},
	} {
		s, e, ok := Find(c.tag, 0, len(c.tag), c.name)
		if ok != c.ok || ok && c.tag[s:e] != c.want {
			t.Errorf("Find(%q, %q) = %q, %v; want %q, %v", c.tag, c.name, c.tag[s:e], ok, c.want, c.ok)
		}
	}
	// The range is the value's place in the whole text.
	text := `see <a href="x.md">x</a>`
	if s, e, ok := Find(text, 4, 19, "href"); !ok || text[s:e] != "x.md" || s != 13 {
		t.Errorf("Find in text = %d:%d %v; want 13:17", s, e, ok)
	}
}

func TestName(t *testing.T) {
	for tag, want := range map[string]string{
		`<a href="x">`: "a", `<IMG src=x>`: "img", `<h2 id="x">`: "h2", `</a>`: "", `<!-- x -->`: "", `<br/>`: "br",
		`<my-tag>`: "my-tag", `<`: "", `x`: "",
	} {
		if got := Name(tag); got != want {
			t.Errorf("Name(%q) = %q; want %q", tag, got, want)
		}
	}
}
