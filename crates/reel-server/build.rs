//! rust-embed resolves the embedded folders when this crate compiles; a
//! folder missing at that moment is never found later, even once built. So
//! make sure the front-end output folders exist (empty until `npm run build`).

fn main() {
    for folder in ["../../web/dist", "../../sdk/dist"] {
        if let Err(error) = std::fs::create_dir_all(folder) {
            println!("cargo::warning=cannot create {folder}: {error}");
        }
        println!("cargo::rerun-if-changed={folder}");
    }
}
