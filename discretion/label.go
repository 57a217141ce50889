package discretion

// Every enum of the package follows the convention of the library:
// String returns the code documents use ("lighter"), Chinese and English
// the labels (从轻处罚, "lighter"), MarshalText writes the code and
// UnmarshalText reads the code or the Chinese label. The zero value's
// code is "unknown" (ConflictRule's zero value is a rule, "balance"), so
// that every value in range marshals and reads back; a value out of
// range has no code. The sets of enums (KindSet, BandSet, ProcedureSet)
// have String, Chinese and English as well.

// label holds the names of one enum value: the code used in JSON
// documents, the Chinese label and the English label. Every enum of the
// package keeps a table of them, indexed by value; the zero value's code
// is "unknown" unless it is a value in its own right.
type label struct{ code, zh, en string }

// labelOf returns the label of value i in table, or the table's first
// entry (the unknown value) when i is out of range.
func labelOf(table []label, i int) label {
	if i < 0 || i >= len(table) {
		return table[0]
	}
	return table[i]
}

// marshalLabel returns the code of value i of table. A value out of
// range has no code: it is an error wrapping [ErrInvalidInput].
func marshalLabel(table []label, i int, what string) ([]byte, error) {
	if i < 0 || i >= len(table) {
		return nil, &Error{Op: "marshal", Err: problemf(ErrInvalidInput, "%s %d has no code", what, i)}
	}
	return []byte(table[i].code), nil
}

// parseLabel returns the value of table whose code or Chinese label is
// text.
func parseLabel(table []label, text []byte) (int, bool) {
	for i, l := range table {
		if string(text) == l.code || string(text) == l.zh {
			return i, true
		}
	}
	return 0, false
}

// unmarshalLabel returns the value of table whose code or Chinese label
// is text. Any other text is an error wrapping [ErrInvalidInput].
func unmarshalLabel(table []label, text []byte, what string) (int, error) {
	if i, ok := parseLabel(table, text); ok {
		return i, nil
	}
	return 0, &Error{Op: "unmarshal", Err: problemf(ErrInvalidInput, "unknown %s %.40q", what, text)}
}
