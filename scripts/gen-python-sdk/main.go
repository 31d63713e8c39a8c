// Command gen-python-sdk writes the Python SDK of a Pulumi package schema, with the Python code
// generator of the Pulumi CLI's own module (the one `pulumi package gen-sdk --language python`
// runs). scripts/python-sdk.sh builds it when the Python language host at hand cannot generate
// (the host built from sdk/v3@v3.68.0 predates the GeneratePackage call).
//
// Usage: gen-python-sdk SCHEMA.json OUTDIR
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen-python-sdk SCHEMA.json OUTDIR")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	check(err)
	var spec schema.PackageSpec
	check(json.Unmarshal(raw, &spec))
	// The package's own version goes into setup.py and pulumi-plugin.json, so the Python host asks
	// the engine for the plugin version this schema came with (else 0.0.0, a placeholder).
	if spec.Language == nil {
		spec.Language = map[string]schema.RawMessage{}
	}
	if _, ok := spec.Language["python"]; !ok {
		spec.Language["python"] = schema.RawMessage(`{"respectSchemaVersion": true}`)
	}
	// The schema references no other package: a loader that never loads is enough.
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
	check(err)
	if diags.HasErrors() {
		check(diags)
	}
	files, err := python.GeneratePackage("pulumi", pkg, nil, nil)
	check(err)
	for name, data := range files {
		p := filepath.Join(os.Args[2], name)
		check(os.MkdirAll(filepath.Dir(p), 0o755))
		check(os.WriteFile(p, data, 0o644))
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-python-sdk:", err)
		os.Exit(1)
	}
}
