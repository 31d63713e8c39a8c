// Command pulumi-codegen writes an SDK of a Pulumi package schema with the code generators of the
// Pulumi CLI's own module (those `pulumi package gen-sdk` runs). scripts/pulumi-codegen.sh builds
// it for the language hosts that cannot generate: the ones scripts/engine.sh builds from
// sdk/v3@v3.68.0 predate the GeneratePackage call.
//
// Usage: pulumi-codegen python|nodejs SCHEMA.json OUTDIR
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 4 || (os.Args[1] != "python" && os.Args[1] != "nodejs") {
		fmt.Fprintln(os.Stderr, "usage: pulumi-codegen python|nodejs SCHEMA.json OUTDIR")
		os.Exit(2)
	}
	lang, schemaPath, out := os.Args[1], os.Args[2], os.Args[3]
	raw, err := os.ReadFile(schemaPath)
	check(err)
	var spec schema.PackageSpec
	check(json.Unmarshal(raw, &spec))
	// The package's own version goes into the SDK's metadata, so that the language host asks the
	// engine for the plugin version this schema came with (else 0.0.0, a placeholder).
	if spec.Language == nil {
		spec.Language = map[string]schema.RawMessage{}
	}
	if _, ok := spec.Language[lang]; !ok {
		spec.Language[lang] = schema.RawMessage(`{"respectSchemaVersion": true}`)
	}
	// The schema references no other package: a loader that never loads is enough.
	loader := schema.NewNullLoader()
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	check(err)
	if diags.HasErrors() {
		check(diags)
	}
	var files map[string][]byte
	switch lang {
	case "python":
		files, err = python.GeneratePackage("pulumi", pkg, nil, nil)
	case "nodejs":
		// Its loader is only asked for parameterized dependencies, of which the schema has none.
		files, err = nodejs.GeneratePackage("pulumi", pkg, nil, nil, false, nil)
	}
	check(err)
	for name, data := range files {
		p := filepath.Join(out, name)
		check(os.MkdirAll(filepath.Dir(p), 0o755))
		check(os.WriteFile(p, data, 0o644))
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-codegen:", err)
		os.Exit(1)
	}
}
