/**
 * Glossary: each Vietnamese domain word has one name in the code, listed here once.
 *
 * | Vietnamese        | in code           | YAML key         | what it is                                              |
 * |-------------------|-------------------|------------------|---------------------------------------------------------|
 * | Kế hoạch          | Plan              | (file)           | the document this tool writes                           |
 * | hồ sơ cơ quan     | Profile           | co-quan.yaml     | office profile shared by many plans                     |
 * | cơ quan chủ quản  | parentAgency      | co_quan.chu_quan | the agency above the issuer (printed above it, not bold)|
 * | cơ quan ban hành  | agency            | co_quan.ten      | the issuing agency (bold, upper case)                   |
 * | số, ký hiệu       | number, symbol    | so, viet_tat     | "Số: 05/KH-UBND"                                        |
 * | địa danh          | place             | co_quan.dia_danh | place name in the date line                             |
 * | trích yếu         | summary           | trich_yeu        | one-line subject under "KẾ HOẠCH"                       |
 * | trích yếu (câu)   | summaryInSentence | trich_yeu_trong_cau | the trích yếu as written inside the default sentences |
 * | căn cứ            | basis             | mo_dau.can_cu    | legal bases, italic lines "Căn cứ …;"                   |
 * | thực hiện         | implements        | mo_dau.thuc_hien | documents the plan carries out ("Thực hiện …")          |
 * | bối cảnh          | background        | mo_dau.boi_canh  | preamble paragraphs between "Thực hiện …" and the lead  |
 * | lời dẫn           | lead              | mo_dau.loi_dan   | "… ban hành Kế hoạch … như sau:"                        |
 * | trình bày         | presentation      | trinh_bay        | choices the Decree leaves to the office or the plan     |
 * | cấp               | level             | cac_cap[]        | defaults of the items of one depth (marker, styles)     |
 * | kiểu chữ          | TypeStyle, Emphasis | kieu_tieu_de, kieu_so | bold / italic of a heading or a label          |
 * | đoạn chen         | insert            | doan_chen        | an unnumbered paragraph between the items of a list     |
 * | mục               | Section           | noi_dung[]       | I., II., … (upper case, bold)                           |
 * | khoản             | (item, depth 1)   | cac_y[]          | 1., 2., … inside a mục                                  |
 * | điểm              | (item, depth 2)   | cac_y[]          | a), b), … đ), … inside a khoản                          |
 * | ý                 | Item              | cac_y[]          | any entry of a list at any depth                        |
 * | nhiệm vụ          | Task              | nhiem_vu         | an item with chủ trì / phối hợp / thời gian            |
 * | đơn vị (TCTH)     | Duty              | don_vi           | "1. Phòng Nội vụ:" then that unit's duties              |
 * | kinh phí          | budget            | du_toan          | budget line items, summed                               |
 * | người ký          | Signer            | nguoi_ky         | authority stack (TM./KT./Q./TL./TUQ.), title, name      |
 * | nơi nhận          | Recipient         | noi_nhan         | "- X;" lines of the closing block                       |
 * | lưu               | archive           | luu              | "- Lưu: VT, HC (02)." last recipient line               |
 * | phụ lục           | Appendix          | phu_luc          | appendix on its own page with a table                   |
 * | chú thích         | footnote          | ^[…] in text     | real Word footnote                                      |
 * | ký số             | eSign             | ky_so            | placeholders e-office signing systems stamp on          |
 */
