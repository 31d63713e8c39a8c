# Sourced by the scripts that build from Pulumi's Go modules (engine.sh, pulumi-codegen.sh).
# pulumi_gomod MODULE VERSION prints a go.mod requiring pkg/v3 and sdk/v3 at VERSION (no "v").
# The replace: pkg/v3 pins a fork of atotto/clipboard that only that name resolves to.
pulumi_gomod() {
  cat <<MOD
module $1

go 1.25

require (
	github.com/pulumi/pulumi/pkg/v3 v$2
	github.com/pulumi/pulumi/sdk/v3 v$2
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
}
