package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xiaoneng/xiaoneng/examples/xn/server"
)

// validator checks JSON values against the schemas of an OpenAPI
// document: the subset of JSON Schema the document uses ($ref, type,
// properties, required, additionalProperties, items, enum, anyOf, allOf,
// minimum, pattern).
type validator struct {
	doc map[string]any
}

func newValidator(t *testing.T, doc []byte) *validator {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	return &validator{doc: d}
}

func (v *validator) get(path ...string) (any, bool) {
	var cur any = v.doc
	for _, p := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[p]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// validateResponse checks a JSON answer against the schema the document
// gives for the operation and status.
func (v *validator) validateResponse(method, path string, status int, body []byte) error {
	s, ok := v.get("paths", path, strings.ToLower(method), "responses", strconv.Itoa(status), "content", "application/json", "schema")
	if !ok {
		return fmt.Errorf("the document has no JSON answer %d for %s %s", status, method, path)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return err
	}
	return v.validate(s.(map[string]any), x, "$")
}

// validateSchema checks a JSON value against a named schema.
func (v *validator) validateSchema(name string, body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return err
	}
	return v.validate(map[string]any{"$ref": "#/components/schemas/" + name}, x, "$")
}

func (v *validator) validate(s map[string]any, x any, at string) error {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		t, ok := v.get("components", "schemas", name)
		if !ok {
			return fmt.Errorf("%s: unknown schema %s", at, ref)
		}
		return v.validate(t.(map[string]any), x, at)
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			if err := v.validate(sub.(map[string]any), x, at); err != nil {
				return err
			}
		}
	}
	if alts, ok := s["anyOf"].([]any); ok {
		var errs []string
		for _, sub := range alts {
			err := v.validate(sub.(map[string]any), x, at)
			if err == nil {
				errs = nil
				break
			}
			errs = append(errs, err.Error())
		}
		if errs != nil {
			return fmt.Errorf("%s: matches none of anyOf: %s", at, strings.Join(errs, "; "))
		}
	}
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, e := range t {
				types = append(types, e.(string))
			}
		}
		if !hasType(x, types) {
			return fmt.Errorf("%s: %T is not of type %v", at, x, types)
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == x {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("%s: %v is not one of %v", at, x, enum)
		}
	}
	switch x := x.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := x[r]; !ok {
				return fmt.Errorf("%s: required member %q is missing", at, r)
			}
		}
		for k, val := range x {
			if p, ok := props[k]; ok {
				if err := v.validate(p.(map[string]any), val, at+"."+k); err != nil {
					return err
				}
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					return fmt.Errorf("%s: member %q is not in the schema", at, k)
				}
			case map[string]any:
				if err := v.validate(ap, val, at+"."+k); err != nil {
					return err
				}
			}
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range x {
				if err := v.validate(items, e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	case json.Number:
		if min, ok := s["minimum"].(float64); ok {
			if f, _ := x.Float64(); f < min {
				return fmt.Errorf("%s: %v is below %v", at, x, min)
			}
		}
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(x) {
			return fmt.Errorf("%s: %q does not match %s", at, x, p)
		}
	}
	return nil
}

func hasType(x any, types []string) bool {
	for _, t := range types {
		switch t {
		case "object":
			if _, ok := x.(map[string]any); ok {
				return true
			}
		case "array":
			if _, ok := x.([]any); ok {
				return true
			}
		case "string":
			if _, ok := x.(string); ok {
				return true
			}
		case "boolean":
			if _, ok := x.(bool); ok {
				return true
			}
		case "null":
			if x == nil {
				return true
			}
		case "number":
			if _, ok := x.(json.Number); ok {
				return true
			}
		case "integer":
			if n, ok := x.(json.Number); ok {
				if _, err := n.Int64(); err == nil {
					return true
				}
			}
		}
	}
	return false
}

func asStrings(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, e := range l {
		out = append(out, e.(string))
	}
	return out
}

// The validator rejects what the schemas do not allow, so that passing
// it means something.
func TestValidatorRejects(t *testing.T) {
	v := newValidator(t, server.OpenAPI())
	for _, bad := range []string{
		`{"date": "2025-10-30"}`,
		`{"date": 20251030, "from": "2025-09-26", "n": 20, "provisional": false, "calendar": {"id": "x", "from": "a", "to": "b"}, "citations": []}`,
		`{"date": "2025-10-30", "from": "2025-09-26", "n": 20, "provisional": false, "calendar": {"id": "x", "from": "a", "to": "b"}, "citations": [], "extra": 1}`,
		`[]`,
	} {
		if err := v.validateResponse("POST", "/v1/deadline/add", 200, []byte(bad)); err == nil {
			t.Errorf("%s passes as an AddResponse", bad)
		}
	}
	if err := v.validateResponse("POST", "/v1/deadline/add", 422, []byte(`{"error": {"code": "no_such_code", "message": "x"}}`)); err == nil {
		t.Error("an unknown error code passes")
	}
}
