package procedure

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
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
// calendar or a promised limit for one of its clocks.
func Reference(name string, opts ...Option) (*Definition, error) {
	data, err := ReferenceJSON(name)
	if err != nil {
		return nil, err
	}
	return ParseDefinition(data, opts...)
}
