package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

var catalogueCommands = []command{
	{
		path: "catalogue validate", args: "FILE",
		summary: "check a catalogue of service items (事项清单) and report every problem",
		detail:  `Exits 0 when the catalogue is valid, 1 when it is not (every problem is listed), 2 when it cannot be read.`,
		examples: []string{
			"xn catalogue validate county-2025.json",
			"xn catalogue validate county-2025.json --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 1, "FILE"); err != nil {
					return err
				}
				data, err := r.readFile(args[0])
				if err != nil {
					return err
				}
				res, err := r.svc.ValidateCatalogue(args[0], data)
				if err != nil {
					return err
				}
				if err := r.print(res, func(w io.Writer) {
					if !res.Valid {
						writeProblems(w, args[0], res.Problems)
						return
					}
					c := res.Catalogue
					fmt.Fprintf(w, "%s: valid catalogue %s, %d items (%d codes), %d green channels\n", args[0], c.Name, c.Items, c.Codes, c.GreenChannels)
				}); err != nil {
					return err
				}
				if !res.Valid {
					return errFinding
				}
				return nil
			}
		},
	},
	{
		path: "catalogue guide", args: "FILE CODE",
		summary: "the service guide (办事指南) of an item in force on a day",
		examples: []string{
			"xn catalogue guide county-2025.json SCJG-XK-001 --on 2025-03-01",
			"xn catalogue guide county-2025.json SCJG-XK-001 --on 2025-03-01 --markdown",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			on := fs.String("on", "", "the `DATE` whose version in force is shown (default today)")
			markdown := fs.Bool("markdown", false, "render the guide as Markdown")
			return func(r *runner, args []string) error {
				if err := want(args, 2, "FILE and CODE"); err != nil {
					return err
				}
				data, err := r.readFile(args[0])
				if err != nil {
					return err
				}
				req := api.GuideRequest{Catalogue: data, Code: args[1], On: *on}
				if req.On == "" {
					req.On = today(r)
				}
				if *markdown {
					req.Format = "markdown"
				}
				res, err := r.svc.Guide(req)
				if err != nil {
					return prefixCatalogue(args[0], err)
				}
				return r.print(res, func(w io.Writer) { io.WriteString(w, res.Text) })
			}
		},
	},
}

// prefixCatalogue names the file in a message about the file itself.
func prefixCatalogue(name string, err error) error {
	ae := api.AsError(err)
	if ae.Code == api.CodeInvalidCatalogue {
		ae.Message = name + ": " + ae.Message
	}
	return ae
}
