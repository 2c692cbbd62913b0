-- Review text templates by sentiment (spread over 1,000 slots each), in mixed scripts, with HTML, quotes, commas and line breaks to exercise escaping.
create or replace table w_review_texts as
with source(bucket, text) as (
  values
    ('pos', '很好，物流很快 👍'),
    ('pos', '质量不错，和描述一致，会回购'),
    ('pos', 'Great quality, arrived early. Would buy again!'),
    ('pos', '新鲜！包装很用心 🍓🍓'),
    ('pos', 'Five stars ⭐⭐⭐⭐⭐'),
    ('pos', '客服态度很好，耐心解答问题'),
    ('pos', 'Exactly as pictured, "perfect" fit'),
    ('pos', 'good, fast, cheap — 三样都占了'),
    ('pos', 'Sehr gut, schnelle Lieferung'),
    ('pos', 'とても良い商品です'),
    ('pos', 'ok 👌'),
    ('pos', 'Nice <b>bold</b> colours, love it'),
    ('mid', '一般般吧，凑合用'),
    ('mid', 'It''s fine, nothing special.'),
    ('mid', '物流有点慢，东西还行'),
    ('mid', 'Size runs small, otherwise OK'),
    ('mid', '包装有点破损，' || chr(10) || '里面东西没事'),
    ('mid', 'average; colour a bit off, 3/5'),
    ('mid', '😐'),
    ('mid', 'Took a while to arrive.' || chr(10) || 'Product is "okay".'),
    ('neg', '质量太差了，和图片完全不一样！'),
    ('neg', 'Arrived broken. Seller ignored my messages.'),
    ('neg', '水果都烂了 🤮 差评'),
    ('neg', '客服态度恶劣，问什么都不回'),
    ('neg', 'NOT as described!!! <script>alert("x")</script>'),
    ('neg', '发货太慢了，等了一个星期'),
    ('neg', 'Fake product, "original" my foot'),
    ('neg', '差评' || chr(10) || '再也不买了' || chr(9) || '😡'),
    ('neg', 'Terrible, refund please, 1/5'),
    ('neg', '假货，申请退款'),
    ('neg', 'Item & box damaged <br/> very disappointed'),
    ('neg', 'Nunca llegó completo, muy mal')
),
numbered as (
  select bucket, text, row_number() over (partition by bucket order by text) - 1 as idx, count(*) over (partition by bucket) as n
  from source
),
-- 1,000 slots per sentiment, so a review picks its template with an equality join
final as (
  select n.bucket, n.text, s.range as slot
  from numbered n
  join range(1000) s on s.range * n.n // 1000 = n.idx
)
select * from final
