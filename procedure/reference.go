package procedure

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed definitions/*.json
var definitionFiles embed.FS

// ReferenceNames returns the names of the reference definitions, sorted:
// the procedures of the laws the library encodes, each citing its
// articles. Their JSON files are in the package's definitions directory.
func ReferenceNames() []string {
	entries, _ := definitionFiles.ReadDir("definitions")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	slices.Sort(names)
	return names
}

// ReferenceJSON returns the JSON of a reference definition, or an error
// wrapping [ErrUnknownDefinition].
func ReferenceJSON(name string) ([]byte, error) {
	data, err := definitionFiles.ReadFile(path.Join("definitions", name+".json"))
	if err != nil || strings.ContainsAny(name, "/\\") {
		return nil, &Error{Op: "ReferenceJSON", Err: ErrUnknownDefinition,
			Detail: fmt.Sprintf("no reference definition %q; there are %s", name, strings.Join(ReferenceNames(), ", "))}
	}
	return data, nil
}

// Reference builds a reference definition with the options, e.g. another
// calendar or a promised limit for one of its clocks. Without options it
// returns the definition compiled on first use and shared by every caller
// (definitions are immutable); with options it compiles one from that
// definition's spec, parsed once (the penalty definition, the largest,
// in about 3 ms, a quarter of what parsing its JSON again takes): keep
// it.
func Reference(name string, opts ...Option) (*Definition, error) {
	ref, ok := references[name]
	if !ok {
		_, err := ReferenceJSON(name)
		return nil, err
	}
	ref.once.Do(func() { ref.d, ref.err = buildReference(name) })
	if ref.err != nil || len(opts) == 0 {
		return ref.d, ref.err
	}
	// build copies the spec before it validates it, so the shared
	// definition's is not changed.
	return build("Reference", ref.d.spec, opts)
}

func buildReference(name string) (*Definition, error) {
	data, err := ReferenceJSON(name)
	if err != nil {
		return nil, err
	}
	return ParseDefinition(data)
}

// references holds the reference definitions compiled without options,
// one per name, each on first use.
var references = func() map[string]*reference {
	m := map[string]*reference{}
	for _, n := range ReferenceNames() {
		m[n] = &reference{}
	}
	return m
}()

type reference struct {
	once sync.Once
	d    *Definition
	err  error
}
